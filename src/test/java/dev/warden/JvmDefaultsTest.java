package dev.warden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    @Test
    void choosesPlatformThreadPollersWhenNothingWasSaid() {
        var properties = new Properties();

        JvmDefaults.apply(properties);

        assertThat(properties.getProperty("jdk.pollerMode")).isEqualTo("1");
    }

    @Test
    void leavesAnOperatorsChoiceAlone() {
        var properties = new Properties();
        properties.setProperty("jdk.pollerMode", "2");

        JvmDefaults.apply(properties);

        assertThat(properties.getProperty("jdk.pollerMode")).isEqualTo("2");
    }
}
