package dev.warden.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a composed YAML tree into a {@link WardenConfig}, collecting every problem before giving up. */
final class ConfigReader {

    private static final List<String> KEYS =
            List.of("server", "auth", "database", "secrets", "redis", "budgets", "access_log", "deployments", "models",
                    "routing", "limits");

    private final ReadContext context;
    private final @Nullable Path baseDirectory;

    /**
     * @param baseDirectory where relative paths in the file are resolved from; null for the working directory
     */
    ConfigReader(Interpolator interpolator, @Nullable Path baseDirectory) {
        this.context = new ReadContext(new Problems(), interpolator, false);
        this.baseDirectory = baseDirectory;
    }

    LoadReport read(String source, @Nullable Node root) {
        var problems = context.problems();
        var empty = new ScalarNode(Tag.NULL, "", null, null, DumperOptions.ScalarStyle.PLAIN);
        var top = Section.of(root == null ? empty : root, "", context);
        if (top == null) {
            throw new ConfigException(source, problems.errors());
        }
        top.allowOnly(KEYS, true);
        var server = server(top.section("server"));
        var auth = auth(top.section("auth"));
        var database = DatabaseReader.database(top.section("database"));
        var secrets = DatabaseReader.secrets(top.section("secrets"), baseDirectory);
        var redis = SpendReader.redis(top.section("redis"));
        var budgets = SpendReader.budgets(top.section("budgets"));
        var accessLog = accessLog(top.section("access_log"));
        var routing = routing(top.section("routing"));
        var globalLimits = LimitsReader.global(top.section("limits"));

        var deployments = new ArrayList<DeploymentConfig>();
        var skippedDeployments = new ArrayList<String>();
        var known = new LinkedHashMap<String, Boolean>();
        var firstLines = new HashMap<String, Integer>();
        for (var item : top.list("deployments")) {
            var read = DeploymentReader.read(item, context);
            if (read == null || read.name() == null) {
                continue;
            }
            var first = firstLines.putIfAbsent(read.name(), read.line());
            if (first != null) {
                problems.error(item.path() + ".name", read.line(), "duplicate deployment name '" + read.name()
                        + "' (first on line " + first + ")");
                continue;
            }
            known.put(read.name(), read.skipped());
            if (read.skipped()) {
                skippedDeployments.add(read.name());
            } else if (read.config() != null) {
                deployments.add(read.config());
            }
        }

        var models = new ArrayList<ModelConfig>();
        var skippedModels = new ArrayList<String>();
        firstLines.clear();
        for (var item : top.list("models")) {
            var read = ModelReader.read(item, context, known);
            if (read == null || read.name() == null) {
                continue;
            }
            var first = firstLines.putIfAbsent(read.name(), read.line());
            if (first != null) {
                problems.error(item.path() + ".name", read.line(), "duplicate model name '" + read.name()
                        + "' (first on line " + first + ")");
            } else if (read.skipped()) {
                skippedModels.add(read.name());
            } else if (read.config() != null) {
                models.add(read.config());
            }
        }
        if (known.isEmpty() && !problems.hasErrors()) {
            problems.warn("deployments", top.line("deployments"), "no deployments are configured; every request "
                    + "will fail");
        }

        if (problems.hasErrors()) {
            throw new ConfigException(source, problems.errors());
        }
        var config = new WardenConfig(server, auth, database, secrets, redis, budgets, accessLog, deployments, models,
                routing, globalLimits);
        return new LoadReport(source, config, skippedDeployments, skippedModels, problems.warnings());
    }

    private static ServerConfig server(@Nullable Section section) {
        var defaults = ServerConfig.DEFAULTS;
        if (section == null) {
            return defaults;
        }
        section.allowOnly(List.of("host", "port", "max_body_size", "shutdown_grace"));
        return new ServerConfig(
                section.string("host", defaults.host()).strip(),
                section.integer("port", defaults.port(), 0, 65535),
                section.byteSize("max_body_size", defaults.maxBodyBytes()),
                section.duration("shutdown_grace", defaults.shutdownGrace(), true));
    }

    private AuthConfig auth(@Nullable Section section) {
        if (section == null) {
            return AuthConfig.DEFAULTS;
        }
        section.allowOnly(List.of("master_key", "jwt"));
        Secret masterKey = null;
        String key = section.string("master_key");
        if (key != null && !key.isBlank()) {
            if (key.strip().length() < 16) {
                section.problems().warn(section.path("master_key"), section.line("master_key"),
                        "master_key is shorter than 16 characters; use a long random value");
            }
            masterKey = new Secret(key.strip());
        }
        var jwtSection = section.section("jwt");
        var jwt = jwtSection == null ? null : JwtReader.read(jwtSection, baseDirectory);
        return new AuthConfig(masterKey, jwt);
    }

    private AccessLogConfig accessLog(@Nullable Section section) {
        var defaults = AccessLogConfig.DEFAULTS;
        if (section == null) {
            return defaults;
        }
        section.allowOnly(List.of("target", "file", "queue_capacity"));
        var problems = section.problems();
        int capacity = section.integer("queue_capacity", defaults.queueCapacity(), 1, Integer.MAX_VALUE);
        Path file = null;
        String fileName = section.string("file");
        if (fileName != null) {
            try {
                file = baseDirectory == null ? Path.of(fileName.strip()) : baseDirectory.resolve(fileName.strip());
            } catch (InvalidPathException invalid) {
                problems.error(section.path("file"), section.line("file"), "not a valid path: " + invalid.getReason());
            }
        }
        String targetName = section.string("target");
        AccessLogConfig.Target target;
        if (targetName == null) {
            // A file alone is unambiguous: it means "log to this file".
            target = fileName != null ? AccessLogConfig.Target.FILE : defaults.target();
        } else {
            var names = List.of("stdout", "file", "off");
            String normalized = targetName.strip().toLowerCase(Locale.ROOT);
            if (!names.contains(normalized)) {
                problems.error(section.path("target"), section.line("target"), "unknown access log target '"
                        + targetName + "'" + Suggestions.choices(targetName, names));
                return defaults;
            }
            target = AccessLogConfig.Target.valueOf(normalized.toUpperCase(Locale.ROOT));
        }
        if (target == AccessLogConfig.Target.FILE && file == null) {
            if (!section.failed("file") && fileName == null) {
                problems.error(section.path("file"), section.line("file"), "target file needs a file");
            }
            return defaults;
        }
        if (target != AccessLogConfig.Target.FILE && fileName != null) {
            problems.error(section.path("file"), section.line("file"), "file applies only to target: file");
            return defaults;
        }
        return new AccessLogConfig(target, file, capacity);
    }

    private static RoutingConfig routing(@Nullable Section section) {
        if (section == null) {
            return RoutingConfig.DEFAULTS;
        }
        section.allowOnly(List.of("allow_direct"));
        return new RoutingConfig(section.bool("allow_direct", RoutingConfig.DEFAULTS.allowDirect()));
    }
}
