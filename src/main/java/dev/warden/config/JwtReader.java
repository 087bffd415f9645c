package dev.warden.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code auth.jwt}. */
final class JwtReader {

    private static final List<String> KEYS = List.of("issuer", "audience", "jwks_url", "jwks_file", "hmac_secret",
            "algorithms", "clock_skew", "jwks_refresh", "jwks_min_refetch_interval", "claims", "required_claims");
    private static final List<String> CLAIM_KEYS = List.of("user", "email", "teams", "org", "roles");
    private static final List<String> ALGORITHM_NAMES =
            Arrays.stream(JwtAlgorithm.values()).map(JwtAlgorithm::name).toList();

    private JwtReader() {
    }

    /** The JWT settings, or null when they have errors (all reported). */
    static @Nullable JwtConfig read(Section section, @Nullable Path baseDirectory) {
        section.allowOnly(KEYS);
        var problems = section.problems();
        int before = problems.errorCount();

        String issuer = section.required("issuer");
        List<String> audiences = strings(section, "audience");
        if (audiences != null && audiences.isEmpty()) {
            problems.error(section.path("audience"), section.line("audience"), section.present("audience")
                    ? "must not be empty" : "missing required key 'audience' (the aud value your identity "
                    + "provider puts in tokens for Warden)");
        }
        var keys = keys(section, baseDirectory);
        var algorithms = algorithms(section, keys);
        var clockSkew = section.duration("clock_skew", JwtConfig.DEFAULT_CLOCK_SKEW, true);
        if (clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.warn(section.path("clock_skew"), section.line("clock_skew"), "a clock_skew above 5m keeps "
                    + "expired tokens usable for that long");
        }
        var refresh = section.duration("jwks_refresh", JwtConfig.DEFAULT_JWKS_REFRESH, false);
        var minRefetch = section.duration("jwks_min_refetch_interval",
                JwtConfig.DEFAULT_JWKS_MIN_REFETCH_INTERVAL, false);
        if (keys instanceof JwtConfig.HmacSecret) {
            for (var key : List.of("jwks_refresh", "jwks_min_refetch_interval")) {
                if (section.present(key)) {
                    problems.error(section.path(key), section.line(key), key + " applies only to a JWKS "
                            + "(jwks_url or jwks_file), not to hmac_secret");
                }
            }
        }
        var claims = claims(section);
        var required = new ArrayList<String>();
        for (var item : section.list("required_claims")) {
            var name = claimName(section, item.node(), item.path());
            if (name != null) {
                required.add(name);
            }
        }

        if (problems.errorCount() > before || issuer == null || keys == null || audiences == null
                || algorithms.isEmpty() || claims == null) {
            return null;
        }
        return new JwtConfig(issuer.strip(), audiences, keys, algorithms, clockSkew, refresh, minRefetch, claims,
                required);
    }

    private static JwtConfig.@Nullable Keys keys(Section section, @Nullable Path baseDirectory) {
        var problems = section.problems();
        boolean url = section.present("jwks_url");
        boolean file = section.present("jwks_file");
        boolean secret = section.present("hmac_secret");
        if (secret && (url || file)) {
            String other = url ? "jwks_url" : "jwks_file";
            problems.error(section.path("hmac_secret"), section.line("hmac_secret"), "hmac_secret and " + other
                    + " exclude each other: accepting HMAC tokens beside a public key set invites algorithm "
                    + "confusion; configure one");
            return null;
        }
        if (url && file) {
            problems.error(section.path("jwks_file"), section.line("jwks_file"),
                    "give either jwks_url or jwks_file, not both");
            return null;
        }
        if (!secret && !url && !file) {
            problems.error(section.path("jwks_url"), section.line(), "missing required key 'jwks_url' (or "
                    + "jwks_file for a key set on disk, or hmac_secret for HS256 tokens)");
            return null;
        }
        if (secret) {
            String value = section.required("hmac_secret");
            return value == null ? null : new JwtConfig.HmacSecret(new Secret(value.strip()));
        }
        if (file) {
            String name = section.required("jwks_file");
            if (name == null) {
                return null;
            }
            try {
                var path = Path.of(name.strip());
                return new JwtConfig.JwksFile(baseDirectory == null ? path : baseDirectory.resolve(path));
            } catch (InvalidPathException invalid) {
                problems.error(section.path("jwks_file"), section.line("jwks_file"), "not a valid path: "
                        + invalid.getReason());
                return null;
            }
        }
        String text = section.required("jwks_url");
        if (text == null) {
            return null;
        }
        return jwksUrl(section, text);
    }

    private static JwtConfig.@Nullable Keys jwksUrl(Section section, String text) {
        String expected = "expected an http(s) URL with a host, like "
                + "https://idp.example.com/.well-known/jwks.json, got " + ReadContext.quote(text);
        try {
            var uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                section.problems().error(section.path("jwks_url"), section.line("jwks_url"), expected);
                return null;
            }
            if (scheme.equals("http") && !loopback(uri.getHost())) {
                section.problems().warn(section.path("jwks_url"), section.line("jwks_url"), "the key set is "
                        + "fetched over plain http; anyone on the path could substitute keys and forge tokens");
            }
            return new JwtConfig.JwksUrl(uri);
        } catch (URISyntaxException invalid) {
            section.problems().error(section.path("jwks_url"), section.line("jwks_url"), expected);
            return null;
        }
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private static List<JwtAlgorithm> algorithms(Section section, JwtConfig.@Nullable Keys keys) {
        boolean hmacKeys = keys instanceof JwtConfig.HmacSecret;
        if (!section.present("algorithms")) {
            var defaults = hmacKeys ? JwtConfig.DEFAULT_HMAC_ALGORITHMS : JwtConfig.DEFAULT_ALGORITHMS;
            checkSecretLength(section, keys, defaults);
            return defaults;
        }
        var problems = section.problems();
        var node = section.node("algorithms");
        var chosen = new LinkedHashSet<JwtAlgorithm>();
        var items = node instanceof SequenceNode ? section.list("algorithms")
                : List.of(new Section.Item(section.value("algorithms"), section.path("algorithms")));
        boolean ok = true;
        for (var item : items) {
            String name = section.context().text(item.node(), item.path(), "expected an algorithm name");
            if (name == null) {
                ok = false;
                continue;
            }
            String normalized = name.strip().toUpperCase(Locale.ROOT);
            if (normalized.equals("NONE")) {
                problems.error(item.path(), item.node(), "alg none means unsigned tokens; they are never accepted");
                ok = false;
            } else if (!ALGORITHM_NAMES.contains(normalized)) {
                problems.error(item.path(), item.node(), "unknown algorithm '" + name.strip() + "'"
                        + Suggestions.choices(normalized, ALGORITHM_NAMES));
                ok = false;
            } else {
                var algorithm = JwtAlgorithm.valueOf(normalized);
                if (keys != null && algorithm.hmac() != hmacKeys) {
                    problems.error(item.path(), item.node(), hmacKeys
                            ? algorithm + " needs a public key set (jwks_url or jwks_file); with hmac_secret only "
                                    + "HS256, HS384 and HS512 apply"
                            : algorithm + " needs hmac_secret, and an HMAC secret never goes beside a public key "
                                    + "set (algorithm confusion)");
                    ok = false;
                }
                chosen.add(algorithm);
            }
        }
        if (ok && chosen.isEmpty()) {
            problems.error(section.path("algorithms"), section.line("algorithms"), "must not be empty");
        }
        var result = List.copyOf(chosen);
        checkSecretLength(section, keys, result);
        return ok ? result : List.of();
    }

    private static void checkSecretLength(Section section, JwtConfig.@Nullable Keys keys,
            List<JwtAlgorithm> algorithms) {
        if (!(keys instanceof JwtConfig.HmacSecret(Secret secret))) {
            return;
        }
        int length = secret.value().getBytes(StandardCharsets.UTF_8).length;
        for (var algorithm : algorithms) {
            if (algorithm.hmac() && length < algorithm.minimumSecretBytes()) {
                section.problems().error(section.path("hmac_secret"), section.line("hmac_secret"), algorithm
                        + " needs an hmac_secret of at least " + algorithm.minimumSecretBytes() + " bytes, got "
                        + length);
                return;
            }
        }
    }

    private static JwtConfig.@Nullable Claims claims(Section parent) {
        var defaults = JwtConfig.Claims.DEFAULTS;
        if (!parent.present("claims")) {
            return defaults;
        }
        var section = parent.section("claims");
        if (section == null) {
            return null;
        }
        section.allowOnly(CLAIM_KEYS);
        String user = claim(section, "user", defaults.user());
        String email = claim(section, "email", defaults.email());
        String teams = claim(section, "teams", defaults.teams());
        String org = section.present("org") ? claimName(section, section.value("org"), section.path("org")) : null;
        String roles = claim(section, "roles", defaults.roles());
        if (user == null || email == null || teams == null || roles == null
                || (section.present("org") && org == null)) {
            return null;
        }
        return new JwtConfig.Claims(user, email, teams, org, roles);
    }

    private static @Nullable String claim(Section section, String key, String fallback) {
        return section.present(key) ? claimName(section, section.value(key), section.path(key)) : fallback;
    }

    /** A claim name or dotted path: no blank, no empty segment. */
    private static @Nullable String claimName(Section section, org.yaml.snakeyaml.nodes.Node node, String path) {
        String text = section.context().text(node, path, "expected a claim name");
        if (text == null) {
            return null;
        }
        String name = text.strip();
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || name.chars().anyMatch(Character::isWhitespace)) {
            section.problems().error(path, node, "expected a claim name or a dotted path like realm_access.roles, "
                    + "got " + ReadContext.quote(text));
            return null;
        }
        return name;
    }

    /** A string or a list of strings; empty when absent, null when unreadable (reported). */
    private static @Nullable List<String> strings(Section section, String key) {
        var node = section.node(key);
        if (node == null) {
            return List.of();
        }
        var items = node instanceof SequenceNode ? section.list(key)
                : List.of(new Section.Item(node, section.path(key)));
        var out = new ArrayList<String>();
        boolean ok = true;
        for (var item : items) {
            String text = section.context().text(item.node(), item.path(), "expected a string or a list of strings");
            if (text == null || text.isBlank()) {
                if (text != null) {
                    section.problems().error(item.path(), item.node(), "must not be empty");
                }
                ok = false;
                continue;
            }
            out.add(text.strip());
        }
        return ok ? out : null;
    }
}
