/**
 * Verifying JWTs from an identity provider (Okta, Entra ID, Keycloak) presented as bearer credentials.
 * {@link dev.warden.auth.jwt.JwtVerifier} is the front: it checks the signature against the provider's JWKS (or an
 * HMAC secret), the time window against an injected clock, issuer, audience and required claims, and maps the
 * claims to a {@link dev.warden.auth.jwt.JwtIdentity}, or says why not with a
 * {@link dev.warden.auth.jwt.JwtRejected}. Built on nimbus-jose-jwt for parsing and signature math; the policy
 * (which algorithms, which keys, when to refetch, what time it is) is ours.
 */
@NullMarked
package dev.warden.auth.jwt;

import org.jspecify.annotations.NullMarked;
