package dev.warden.api.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/** The JSON factory every client dialect parses requests and writes answers with. */
public final class DialectJson {
    /** Request strings (base64 images, long prompts) may be large; the body limit bounds them first. */
    private static final int MAX_STRING_CHARS = 64 * 1024 * 1024;
    /**
     * Buffer sets kept for reuse. Jackson's default keeps one per thread, which on virtual threads (one per request)
     * means fresh buffers for every parser and generator: measured at over a quarter of the gateway's allocation.
     * A bounded shared pool reuses them across requests and caps what an idle gateway keeps (~16 KB a set).
     */
    private static final int POOLED_BUFFER_SETS = 128;

    private DialectJson() {}

    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
                .recyclerPool(JsonRecyclerPools.newBoundedPool(POOLED_BUFFER_SETS))
                .build();
    }
}
