package dev.warden;

import java.util.Properties;

/**
 * JDK settings Warden chooses for itself, applied before the first socket is opened. Each one is a default only:
 * a value given on the command line ({@code -D...}, e.g. through {@code WARDEN_JAVA_OPTS}) wins.
 */
final class JvmDefaults {
    /**
     * Virtual threads wait for sockets through platform-thread pollers ({@code jdk.pollerMode=1}) rather than the
     * JDK 25 default of pollers that are virtual threads themselves. A request arriving at an idle gateway then wakes
     * one thread less before it runs: the drip-upstream time to first byte over direct fell by 0.2 to 0.6 ms in three
     * interleaved A/B runs, while non-streaming throughput at 32 connections fell 3.4 % and streaming rose 1.8 %
     * (docs/benchmarks.md, "Poller mode").
     */
    private static final String POLLER_MODE = "jdk.pollerMode";

    private JvmDefaults() {}

    static void apply(Properties system) {
        if (system.getProperty(POLLER_MODE) == null) {
            system.setProperty(POLLER_MODE, "1");
        }
    }
}
