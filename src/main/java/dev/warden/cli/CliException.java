package dev.warden.cli;

/** A failure the CLI reports as one line on stderr with exit code 1, never as a stack trace. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
