package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real file on disk, read through {@link ConfigLoader#load(Path)}, with every problem reported at once. */
class FileFixtureTest {

    @Test
    void everyProblemInTheFileIsReportedWithItsLine() throws Exception {
        Path file = Path.of(FileFixtureTest.class.getResource("broken.yaml").toURI());
        var error = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.create(Map.of("OPENAI_API_KEY", "sk-1")).load(file));
        assertThat(error.source()).isEqualTo(file.toString());
        assertThat(error.getMessage()).isEqualTo(String.join("\n",
                file + ":3: server.port: environment variable WARDEN_PORT is not set",
                file + ":4: server.max_body_size: expected a size like 10MB, 512KB or 1048576, got \"10 megabytes\"",
                file + ":11: deployments[0].timeouts.first_byte: expected a duration like 30s, 500ms or 2m, "
                        + "got \"abc\"",
                file + ":12: deployments[1].name: duplicate deployment name 'openai' (first on line 7)",
                file + ":17: models[0].deployment: unknown deployment 'openai-eu'; did you mean 'openai'?"));
    }
}
