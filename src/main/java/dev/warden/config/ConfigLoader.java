package dev.warden.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads the YAML configuration into a validated {@link WardenConfig}. The environment used for {@code ${VAR}}
 * interpolation and {@code require_env} is injected, never read from the process here, so tests (and
 * {@code warden check-config}) decide exactly what is set.
 *
 * <p>Every failure is a {@link ConfigException} listing all problems found, each with key path and line,
 * including unreadable files and YAML syntax errors.
 */
public final class ConfigLoader {

    /** The classpath resource (next to this class) holding the built-in configuration. */
    public static final String EMBEDDED_DEFAULTS = "embedded-defaults.yaml";

    private final Interpolator interpolator;

    private ConfigLoader(Map<String, String> env) {
        this.interpolator = new Interpolator(env);
    }

    /** @param env the environment variables to interpolate from, usually {@code System.getenv()} */
    public static ConfigLoader create(Map<String, String> env) {
        return new ConfigLoader(Objects.requireNonNull(env, "env"));
    }

    public WardenConfig load(Path file) {
        return loadWithReport(file).config();
    }

    /** Loads a file and reports what was skipped and any warnings. */
    public LoadReport loadWithReport(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new ConfigException(source, List.of(new ConfigProblem("", 0, "no such file")));
        } catch (IOException | UncheckedIOException unreadable) {
            throw new ConfigException(source, List.of(new ConfigProblem("", 0, "cannot read the file: "
                    + unreadable.getMessage())));
        }
        Path directory = file.toAbsolutePath().getParent();
        return parse(source, text, directory);
    }

    /** The built-in configuration: the echo demo model, plus providers switched on by their API key variables. */
    public WardenConfig embeddedDefaults() {
        return embeddedDefaultsWithReport().config();
    }

    public LoadReport embeddedDefaultsWithReport() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED_DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + EMBEDDED_DEFAULTS + " is missing");
            }
            return parse(EMBEDDED_DEFAULTS, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Reads a configuration fragment that did not come from the operator's file (a deployment stored through the
     * admin API, as JSON): no environment interpolation, so a stored document can never read the gateway's
     * environment.
     */
    public static LoadReport fragment(String source, String yamlOrJson) {
        if (yamlOrJson.contains("${")) {
            throw new ConfigException(source, List.of(new ConfigProblem("", 0, "${...} environment interpolation"
                    + " is only available in the configuration file, not in stored deployments")));
        }
        return new ConfigLoader(Map.of()).parse(source, yamlOrJson, null);
    }

    /** Parses YAML text; {@code source} names it in messages, relative paths resolve against the directory. */
    LoadReport parse(String source, String yaml, @Nullable Path directory) {
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(yaml));
        } catch (MarkedYAMLException syntax) {
            int line = syntax.getProblemMark() == null ? 0 : syntax.getProblemMark().getLine() + 1;
            String problem = syntax.getProblem() == null ? syntax.getMessage() : syntax.getProblem();
            String context = syntax.getContext() == null ? "" : " (" + syntax.getContext() + ")";
            throw new ConfigException(source, List.of(new ConfigProblem("", line, "invalid YAML: " + problem
                    + context)));
        } catch (YAMLException invalid) {
            throw new ConfigException(source, List.of(new ConfigProblem("", 0, "invalid YAML: "
                    + invalid.getMessage())));
        }
        return new ConfigReader(interpolator, directory).read(source, root);
    }

    private static LoaderOptions loaderOptions() {
        var options = new LoaderOptions();
        // A config file is small; these limits only guard against alias bombs and pathological input.
        options.setMaxAliasesForCollections(100);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(1024 * 1024);
        return options;
    }
}
