package dev.warden.provider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a provider reports about one call besides its answer: parameters it dropped by an explicit dialect policy
 * (surfaced to the client in {@code x-warden-dropped-params}, never silent), the upstream's status and request id.
 * Confined to the request's thread.
 */
public final class CallNotes {
    private final List<String> droppedParams = new ArrayList<>();
    private int upstreamStatus;
    private @Nullable String upstreamRequestId;

    public void droppedParam(String name) {
        if (!droppedParams.contains(name)) {
            droppedParams.add(name);
        }
    }

    public List<String> droppedParams() {
        return Collections.unmodifiableList(droppedParams);
    }

    public void upstreamStatus(int status) {
        this.upstreamStatus = status;
    }

    /** 0 when no upstream answered. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    public void upstreamRequestId(@Nullable String id) {
        this.upstreamRequestId = id;
    }

    public @Nullable String upstreamRequestId() {
        return upstreamRequestId;
    }
}
