package dev.warden.pipeline;

import dev.warden.llm.StreamSink;
import dev.warden.provider.CallNotes;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The state of one request as it moves through the stages. Confined to the request's virtual thread. Each
 * stage fills in what it establishes (principal, operation, target); later stages read it.
 */
public final class Exchange {
    private final String requestId;
    private final String dialect;
    private final String endpoint;
    private final Instant received;
    private final long startNanos;
    private final @Nullable String credential;
    private final Supplier<Operation> decoder;
    private final StreamSink sink;
    private final CallNotes notes = new CallNotes();

    private @Nullable Principal principal;
    private @Nullable Operation operation;
    private @Nullable Target target;
    private long firstEventNanos;
    private @Nullable StreamSink tap;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>(4);

    /**
     * @param dialect the client's dialect name ("openai"), for the record
     * @param endpoint the route the request came in on, e.g. "/v1/chat/completions"
     * @param credential the API key the client presented, if any
     * @param decoder reads and decodes the body into the operation (throws ApiException on bad input); called
     *                by the decode stage, after authentication
     * @param sink where streamed events go; opened lazily by the server on the first event
     */
    public Exchange(String requestId, String dialect, String endpoint, Instant received, long startNanos,
            @Nullable String credential, Supplier<Operation> decoder, StreamSink sink) {
        this.requestId = Objects.requireNonNull(requestId);
        this.dialect = Objects.requireNonNull(dialect);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.received = Objects.requireNonNull(received);
        this.startNanos = startNanos;
        this.credential = credential;
        this.decoder = Objects.requireNonNull(decoder);
        Objects.requireNonNull(sink);
        this.sink = event -> {
            if (firstEventNanos == 0) {
                firstEventNanos = System.nanoTime();
            }
            var observer = tap;
            if (observer != null) {
                observer.accept(event);
            }
            sink.accept(event);
        };
    }

    /**
     * Adds a header to the answer, whatever it turns out to be (success, error or stream): rate-limit state, the
     * call's cost. For a stream, only headers added before its first event are sent.
     */
    public void responseHeader(String name, String value) {
        responseHeaders.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
    }

    public Map<String, String> responseHeaders() {
        return Collections.unmodifiableMap(responseHeaders);
    }

    /**
     * Lets a stage see every streamed event before it goes to the client (the meter counts the text of streams whose
     * upstream reports no usage). One tap per exchange; set before the call starts.
     */
    public void tap(StreamSink observer) {
        if (tap != null) {
            throw new IllegalStateException("the exchange already has a tap");
        }
        tap = Objects.requireNonNull(observer);
    }

    public String requestId() {
        return requestId;
    }

    public String dialect() {
        return dialect;
    }

    public String endpoint() {
        return endpoint;
    }

    public Instant received() {
        return received;
    }

    public long startNanos() {
        return startNanos;
    }

    public Optional<String> credential() {
        return Optional.ofNullable(credential);
    }

    Supplier<Operation> decoder() {
        return decoder;
    }

    public StreamSink sink() {
        return sink;
    }

    /** When the first streamed event was handed to the client; 0 if none was. */
    public long firstEventNanos() {
        return firstEventNanos;
    }

    public CallNotes notes() {
        return notes;
    }

    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    public void principal(Principal value) {
        this.principal = Objects.requireNonNull(value);
    }

    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /** The operation; only valid after the decode stage ran. */
    public Operation requireOperation() {
        if (operation == null) {
            throw new IllegalStateException("operation read before decode");
        }
        return operation;
    }

    public void operation(Operation value) {
        this.operation = Objects.requireNonNull(value);
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    public void target(Target value) {
        this.target = Objects.requireNonNull(value);
    }
}
