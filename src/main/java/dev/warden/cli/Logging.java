package dev.warden.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * One-line operational logs on stderr (stdout carries the JSON access log). The server library logs through
 * java.util.logging, so configuring it here covers everything.
 */
final class Logging {
    private static final String CONFIG = """
            handlers=java.util.logging.ConsoleHandler
            .level=INFO
            io.helidon.level=WARNING
            org.flywaydb.level=WARNING
            com.zaxxer.hikari.level=WARNING
            java.util.logging.ConsoleHandler.level=ALL
            java.util.logging.SimpleFormatter.format=%1$tFT%1$tT.%1$tLZ %4$-7s %3$s: %5$s%6$s%n
            """;

    private Logging() {}

    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            System.err.println("warden: could not configure logging: " + e.getMessage());
        }
    }
}
