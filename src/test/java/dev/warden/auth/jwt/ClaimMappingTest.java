package dev.warden.auth.jwt;

import static dev.warden.auth.jwt.Tokens.claims;
import static dev.warden.auth.jwt.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.warden.auth.jwt.JwtRejected.Reason;
import dev.warden.config.JwtConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How claims become a {@link JwtIdentity}: strings or lists, nested Keycloak paths, required claims, bad types. */
class ClaimMappingTest {

    private static final JwtConfig.Claims KEYCLOAK = new JwtConfig.Claims("preferred_username", "email", "groups",
            "tenant", "realm_access.roles");

    @Test
    void teamsAndRolesMayBeOneStringOrAList() throws JwtRejected {
        var single = identify(JwtConfig.Claims.DEFAULTS, List.of(), claims()
                .claim("groups", "search").claim("roles", "reader").build());
        assertThat(single.teams()).containsExactly("search");
        assertThat(single.roles()).containsExactly("reader");
        var many = identify(JwtConfig.Claims.DEFAULTS, List.of(), claims()
                .claim("groups", List.of("search", "", "ml")).claim("roles", List.of("reader", "writer", "reader"))
                .build());
        assertThat(many.teams()).containsExactly("search", "ml");
        assertThat(many.roles()).containsExactly("reader", "writer");
        var none = identify(JwtConfig.Claims.DEFAULTS, List.of(), claims().build());
        assertThat(none.teams()).isEmpty();
        assertThat(none.roles()).isEmpty();
        assertThat(none.email()).isNull();
        assertThat(none.org()).isNull();
    }

    @Test
    void keycloakNestedRolesAndMappedNames() throws JwtRejected {
        var identity = identify(KEYCLOAK, List.of(), claims()
                .subject("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")
                .claim("preferred_username", "alice")
                .claim("email", "alice@acme.test")
                .claim("groups", List.of("/platform"))
                .claim("tenant", "acme")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "warden-admin")))
                .claim("resource_access", Map.of("warden", Map.of("roles", List.of("ignored"))))
                .build());
        assertThat(identity.subject()).isEqualTo("alice");
        assertThat(identity.email()).isEqualTo("alice@acme.test");
        assertThat(identity.teams()).containsExactly("/platform");
        assertThat(identity.org()).isEqualTo("acme");
        assertThat(identity.roles()).containsExactly("offline_access", "warden-admin");
    }

    @Test
    void aClaimNamedWithDotsWinsOverThePathReading() throws JwtRejected {
        var names = new JwtConfig.Claims("sub", "email", "https://acme.test/teams", null, "a.b");
        var identity = identify(names, List.of(), claims()
                .claim("https://acme.test/teams", List.of("red"))
                .claim("a.b", "literal")
                .claim("a", Map.of("b", "nested"))
                .build());
        assertThat(identity.teams()).containsExactly("red");
        assertThat(identity.roles()).containsExactly("literal");
    }

    @Test
    void aPathThroughSomethingThatIsNotAnObjectFindsNothing() throws JwtRejected {
        var identity = identify(KEYCLOAK, List.of(), claims().claim("preferred_username", "alice")
                .claim("realm_access", "roles").build());
        assertThat(identity.roles()).isEmpty();
    }

    @Test
    void requiredClaimsAndTheMappedUserClaimMustBePresent() {
        var rejected = reject(JwtConfig.Claims.DEFAULTS, List.of("azp", "tenant.id"), claims().claim("azp", "cli")
                .claim("tenant", Map.of("name", "acme")).build());
        assertThat(rejected.reason()).isEqualTo(Reason.MISSING_CLAIM);
        assertThat(rejected.getMessage()).isEqualTo("The JWT lacks the required claim 'tenant.id'.");

        assertThat(reject(JwtConfig.Claims.DEFAULTS, List.of("azp"), claims().claim("azp", null).build()).reason())
                .isEqualTo(Reason.MISSING_CLAIM);
        var noUser = reject(KEYCLOAK, List.of(), claims().build());
        assertThat(noUser.reason()).isEqualTo(Reason.MISSING_CLAIM);
        assertThat(noUser.getMessage()).contains("'preferred_username'");
    }

    @Test
    void claimsOfTheWrongTypeAreRefusedNotDropped() {
        for (var builder : List.of(
                claims().claim("groups", 42),
                claims().claim("roles", List.of("admin", 1)),
                claims().claim("groups", Map.of("name", "search")),
                claims().claim("email", List.of("a@b.test")))) {
            assertThat(reject(JwtConfig.Claims.DEFAULTS, List.of(), builder.build()).reason())
                    .isEqualTo(Reason.INVALID_CLAIM);
        }
        assertThat(reject(KEYCLOAK, List.of(), claims().claim("preferred_username", 7).build()).reason())
                .isEqualTo(Reason.INVALID_CLAIM);
        assertThat(reject(KEYCLOAK, List.of(), claims().claim("preferred_username", " ").build()).reason())
                .isEqualTo(Reason.INVALID_CLAIM);
    }

    private static JwtIdentity identify(JwtConfig.Claims names, List<String> required, JWTClaimsSet claims)
            throws JwtRejected {
        try (var verifier = verifier(names, required)) {
            return verifier.verify(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims));
        }
    }

    private static JwtRejected reject(JwtConfig.Claims names, List<String> required, JWTClaimsSet claims) {
        try (var verifier = verifier(names, required)) {
            return assertThatExceptionOfType(JwtRejected.class)
                    .isThrownBy(() -> verifier.verify(sign(TestKeys.RSA, JWSAlgorithm.RS256, claims)))
                    .actual();
        }
    }

    /** An in-memory key set: these tests are about claims, not fetching. */
    private static JwtVerifier verifier(JwtConfig.Claims names, List<String> required) {
        var config = Tokens.config(new JwtConfig.JwksUrl(java.net.URI.create("https://idp.test/jwks")), names,
                required);
        return JwtVerifier.create(config, new MutableClock(Tokens.NOW), ClaimMappingTest::keys);
    }

    private static JWKSet keys() {
        return new JWKSet(TestKeys.RSA.toPublicJWK());
    }
}
