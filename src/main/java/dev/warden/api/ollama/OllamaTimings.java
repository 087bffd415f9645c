package dev.warden.api.ollama;

/**
 * The durations, in nanoseconds, that Ollama reports with every finished answer ({@code total_duration},
 * {@code load_duration}, {@code prompt_eval_duration}, {@code eval_duration}). Clients divide {@code eval_count} by
 * {@code eval_duration} to show tokens per second. Behind a gateway the model's own timings are unknown; what the
 * caller can measure (the whole call, time to the first token) is passed here, and the rest is 0. Nothing is loaded
 * by Warden, so {@code loadNanos} is normally 0.
 */
public record OllamaTimings(long totalNanos, long loadNanos, long promptEvalNanos, long evalNanos) {

    /** Nothing measured: every duration is written as 0. */
    public static final OllamaTimings NONE = new OllamaTimings(0, 0, 0, 0);

    public OllamaTimings {
        if (totalNanos < 0 || loadNanos < 0 || promptEvalNanos < 0 || evalNanos < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /**
     * Timings from the two instants a gateway sees: the whole call took {@code totalNanos}, of which the first
     * {@code firstTokenNanos} passed before the first token (reported as prompt evaluation) and the rest was
     * generation.
     */
    public static OllamaTimings measured(long totalNanos, long firstTokenNanos) {
        long firstToken = Math.min(Math.max(firstTokenNanos, 0), Math.max(totalNanos, 0));
        return new OllamaTimings(Math.max(totalNanos, 0), 0, firstToken, Math.max(totalNanos, 0) - firstToken);
    }
}
