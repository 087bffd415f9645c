package dev.warden.config;

import static dev.warden.config.Fixtures.ECHO;
import static dev.warden.config.Fixtures.failure;
import static dev.warden.config.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code auth.jwt}: defaults, every key, and each mistake named by key path and line. */
class JwtConfigTest {

    private static final String SECRET_32 = "0123456789abcdef0123456789abcdef";

    @Test
    void absentMeansJwtIsNotAccepted() {
        assertThat(load("auth: {master_key: a-long-master-key-value}\n" + ECHO).config().auth().jwt()).isNull();
        assertThat(load(ECHO).config().auth()).isEqualTo(AuthConfig.DEFAULTS);
    }

    @Test
    void minimalJwksUrlGetsTheDefaults() {
        var jwt = load("""
                auth:
                  jwt:
                    issuer: https://idp.example.com/
                    audience: warden
                    jwks_url: https://idp.example.com/keys
                """ + ECHO).config().auth().jwt();
        assertThat(jwt).isNotNull();
        assertThat(jwt.issuer()).isEqualTo("https://idp.example.com/");
        assertThat(jwt.audiences()).containsExactly("warden");
        assertThat(jwt.keys()).isEqualTo(new JwtConfig.JwksUrl(URI.create("https://idp.example.com/keys")));
        assertThat(jwt.algorithms()).containsExactly(JwtAlgorithm.RS256, JwtAlgorithm.ES256);
        assertThat(jwt.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(jwt.jwksRefresh()).isEqualTo(Duration.ofMinutes(10));
        assertThat(jwt.jwksMinRefetchInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(jwt.claims()).isEqualTo(new JwtConfig.Claims("sub", "email", "groups", null, "roles"));
        assertThat(jwt.requiredClaims()).isEmpty();
    }

    @Test
    void everyKeyIsRead() {
        var report = load(Map.of("AUD", "api://warden"), """
                auth:
                  master_key: a-long-master-key-value
                  jwt:
                    issuer: https://kc.example.com/realms/acme
                    audience: [warden, "${AUD}"]
                    jwks_url: https://kc.example.com/realms/acme/protocol/openid-connect/certs
                    algorithms: [RS256, ps256, ES384]
                    clock_skew: 0s
                    jwks_refresh: 1h
                    jwks_min_refetch_interval: 1m
                    claims:
                      user: preferred_username
                      email: mail
                      teams: groups
                      org: tenant.id
                      roles: realm_access.roles
                    required_claims: [azp, tenant.id]
                """ + ECHO);
        assertThat(report.warnings()).isEmpty();
        var auth = report.config().auth();
        assertThat(auth.masterKey()).isEqualTo(new Secret("a-long-master-key-value"));
        var jwt = auth.jwt();
        assertThat(jwt).isNotNull();
        assertThat(jwt.audiences()).containsExactly("warden", "api://warden");
        assertThat(jwt.algorithms()).containsExactly(JwtAlgorithm.RS256, JwtAlgorithm.PS256, JwtAlgorithm.ES384);
        assertThat(jwt.clockSkew()).isZero();
        assertThat(jwt.jwksRefresh()).isEqualTo(Duration.ofHours(1));
        assertThat(jwt.jwksMinRefetchInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(jwt.claims()).isEqualTo(new JwtConfig.Claims("preferred_username", "mail", "groups", "tenant.id",
                "realm_access.roles"));
        assertThat(jwt.requiredClaims()).containsExactly("azp", "tenant.id");
    }

    @Test
    void jwksFileResolvesAgainstTheConfigDirectory() {
        var yaml = """
                auth:
                  jwt:
                    issuer: https://idp.internal
                    audience: warden
                    jwks_file: keys/jwks.json
                """ + ECHO;
        var directory = Path.of("/etc/warden");
        var jwt = ConfigLoader.create(Map.of()).parse("warden.yaml", yaml, directory).config().auth().jwt();
        assertThat(jwt).isNotNull();
        assertThat(jwt.keys()).isEqualTo(new JwtConfig.JwksFile(directory.resolve("keys/jwks.json")));
    }

    @Test
    void hmacSecretDefaultsToHs256AndIsMasked() {
        var jwt = load(Map.of("JWT_SECRET", SECRET_32), """
                auth:
                  jwt:
                    issuer: internal
                    audience: warden
                    hmac_secret: ${JWT_SECRET}
                """ + ECHO).config().auth().jwt();
        assertThat(jwt).isNotNull();
        assertThat(jwt.keys()).isEqualTo(new JwtConfig.HmacSecret(new Secret(SECRET_32)));
        assertThat(jwt.algorithms()).containsExactly(JwtAlgorithm.HS256);
        assertThat(jwt.toString()).doesNotContain(SECRET_32).contains("***");
    }

    @Test
    void missingRequiredKeysAreAllReported() {
        var error = failure("""
                auth:
                  jwt:
                    clock_skew: 30s
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("auth.jwt.issuer", 3, "missing required key 'issuer'"),
                new ConfigProblem("auth.jwt.audience", 3, "missing required key 'audience' (the aud value your "
                        + "identity provider puts in tokens for Warden)"),
                new ConfigProblem("auth.jwt.jwks_url", 3, "missing required key 'jwks_url' (or jwks_file for a "
                        + "key set on disk, or hmac_secret for HS256 tokens)"));
    }

    @Test
    void anHmacSecretBesideAKeySetIsRefused() {
        var error = failure("""
                auth:
                  jwt:
                    issuer: https://idp.example.com
                    audience: warden
                    jwks_url: https://idp.example.com/keys
                    hmac_secret: %s
                """.formatted(SECRET_32) + ECHO);
        assertThat(error.problems()).containsExactly(new ConfigProblem("auth.jwt.hmac_secret", 6, "hmac_secret and "
                + "jwks_url exclude each other: accepting HMAC tokens beside a public key set invites algorithm "
                + "confusion; configure one"));
    }

    @Test
    void algorithmsMustFitTheKeysAndNeverBeNone() {
        var error = failure("""
                auth:
                  jwt:
                    issuer: https://idp.example.com
                    audience: warden
                    jwks_url: https://idp.example.com/keys
                    algorithms:
                      - RS256
                      - HS256
                      - none
                      - RS257
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("auth.jwt.algorithms[1]", 8, "HS256 needs hmac_secret, and an HMAC secret never "
                        + "goes beside a public key set (algorithm confusion)"),
                new ConfigProblem("auth.jwt.algorithms[2]", 9,
                        "alg none means unsigned tokens; they are never accepted"),
                new ConfigProblem("auth.jwt.algorithms[3]", 10, "unknown algorithm 'RS257'; did you mean 'RS256'? "
                        + "(valid: RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, HS256, HS384, "
                        + "HS512)"));
    }

    @Test
    void anHmacSecretTakesOnlyHmacAlgorithmsAndMustBeLongEnough() {
        var error = failure("""
                auth:
                  jwt:
                    issuer: internal
                    audience: warden
                    hmac_secret: %s
                    algorithms: [HS256, RS256]
                    jwks_refresh: 5m
                """.formatted(SECRET_32) + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("auth.jwt.algorithms[1]", 6, "RS256 needs a public key set (jwks_url or "
                        + "jwks_file); with hmac_secret only HS256, HS384 and HS512 apply"),
                new ConfigProblem("auth.jwt.jwks_refresh", 7, "jwks_refresh applies only to a JWKS (jwks_url or "
                        + "jwks_file), not to hmac_secret"));

        var shortSecret = failure("""
                auth:
                  jwt:
                    issuer: internal
                    audience: warden
                    hmac_secret: %s
                    algorithms: HS512
                """.formatted(SECRET_32) + ECHO);
        assertThat(shortSecret.problems()).containsExactly(new ConfigProblem("auth.jwt.hmac_secret", 5,
                "HS512 needs an hmac_secret of at least 64 bytes, got 32"));
    }

    @Test
    void badValuesNameTheirKeyAndLine() {
        var error = failure("""
                auth:
                  jwt:
                    issuer: https://idp.example.com
                    audience: []
                    jwks_url: ftp://idp.example.com/keys
                    jwks_refresh: 0s
                    jwks_min_refetch_interval: soon
                    claims:
                      user: ""
                      role: roles
                      teams: realm_access..groups
                    required_claims: [azp, {a: b}]
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("auth.jwt.audience", 4, "must not be empty"),
                new ConfigProblem("auth.jwt.jwks_url", 5, "expected an http(s) URL with a host, like "
                        + "https://idp.example.com/.well-known/jwks.json, got \"ftp://idp.example.com/keys\""),
                new ConfigProblem("auth.jwt.jwks_refresh", 6, "must be longer than zero, got \"0s\""),
                new ConfigProblem("auth.jwt.jwks_min_refetch_interval", 7,
                        "expected a duration like 30s, 500ms or 2m, got \"soon\""),
                new ConfigProblem("auth.jwt.claims.user", 9, "expected a claim name or a dotted path like "
                        + "realm_access.roles, got \"\""),
                new ConfigProblem("auth.jwt.claims.role", 10, "unknown key 'role'; did you mean 'roles'?"),
                new ConfigProblem("auth.jwt.claims.teams", 11, "expected a claim name or a dotted path like "
                        + "realm_access.roles, got \"realm_access..groups\""),
                new ConfigProblem("auth.jwt.required_claims[1]", 12, "expected a claim name, got a mapping"));
    }

    @Test
    void jwksUrlAndJwksFileExcludeEachOtherAndUnknownKeysAreNamed() {
        var error = failure("""
                auth:
                  jwt:
                    issuer: https://idp.example.com
                    audiences: warden
                    jwks_url: https://idp.example.com/keys
                    jwks_file: jwks.json
                """ + ECHO);
        assertThat(error.problems()).containsExactly(
                new ConfigProblem("auth.jwt.audience", 3, "missing required key 'audience' (the aud value your identity "
                        + "provider puts in tokens for Warden)"),
                new ConfigProblem("auth.jwt.audiences", 4, "unknown key 'audiences'; did you mean 'audience'?"),
                new ConfigProblem("auth.jwt.jwks_file", 6, "give either jwks_url or jwks_file, not both"));
    }

    @Test
    void riskySettingsLoadWithWarnings() {
        var report = load("""
                auth:
                  jwt:
                    issuer: https://idp.example.com
                    audience: warden
                    jwks_url: http://idp.example.com/keys
                    clock_skew: 10m
                """ + ECHO);
        assertThat(report.warnings()).containsExactly(
                new ConfigProblem("auth.jwt.jwks_url", 5, "the key set is fetched over plain http; anyone on the "
                        + "path could substitute keys and forge tokens"),
                new ConfigProblem("auth.jwt.clock_skew", 6, "a clock_skew above 5m keeps expired tokens usable "
                        + "for that long"));
        assertThat(load("""
                auth:
                  jwt: {issuer: i, audience: a, jwks_url: "http://127.0.0.1:8081/keys"}
                """ + ECHO).warnings()).isEmpty();
    }

    @Test
    void anEmptyJwtSectionIsDisabledButAnEmptyMappingIsChecked() {
        assertThat(load("auth:\n  jwt:\n" + ECHO).config().auth().jwt()).isNull();
        assertThat(failure("auth:\n  jwt: {}\n" + ECHO).problems()).extracting(ConfigProblem::path)
                .isEqualTo(List.of("auth.jwt.issuer", "auth.jwt.audience", "auth.jwt.jwks_url"));
    }
}
