package dev.warden.provider.bedrock;

import java.io.IOException;

/**
 * The eventstream could not be decoded. {@code truncated} tells a body that ended inside a frame (the connection
 * was cut) from a frame that is corrupt (a CRC mismatch, impossible lengths): the first is a truncated stream,
 * the second a malformed one.
 */
final class EventStreamException extends IOException {
    private final boolean truncated;

    EventStreamException(String detail, boolean truncated) {
        super(detail);
        this.truncated = truncated;
    }

    boolean truncated() {
        return truncated;
    }
}
