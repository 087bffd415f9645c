package dev.warden.pipeline;

/**
 * Receives request records. Implementations must not block: they queue and write in the background (the request
 * path never waits on a log, a disk or a database).
 */
@FunctionalInterface
public interface RecordSink {
    void record(RequestRecord record);
}
