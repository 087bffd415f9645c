package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;

/** Loads inline YAML (line 1 is the first line of the text block) the way the loader loads a file. */
final class Fixtures {

    static final String SOURCE = "test.yaml";

    private Fixtures() {
    }

    static LoadReport load(String yaml) {
        return load(Map.of(), yaml);
    }

    static LoadReport load(Map<String, String> env, String yaml) {
        return ConfigLoader.create(env).parse(SOURCE, yaml, null);
    }

    static ConfigException failure(String yaml) {
        return failure(Map.of(), yaml);
    }

    static ConfigException failure(Map<String, String> env, String yaml) {
        return assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> load(env, yaml))
                .actual();
    }

    /** The minimal valid deployments/models block, for tests about other sections. */
    static final String ECHO = """
            deployments:
              - name: echo
                provider: echo
            """;
}
