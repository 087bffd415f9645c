package dev.warden.provider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a provider reports about one call besides its answer: parameters it dropped by an explicit dialect policy
 * (surfaced to the client in {@code x-warden-dropped-params}, never silent), the upstream's status and request id,
 * and whether a stream's next input is already received.
 * Confined to the request's thread.
 */
public final class CallNotes {
    private final List<String> droppedParams = new ArrayList<>();
    private int upstreamStatus;
    private @Nullable String upstreamRequestId;
    private boolean moreInputBuffered;

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

    /** Set by {@link StreamPump} around each upstream event it delivers. */
    public void moreInputBuffered(boolean value) {
        this.moreInputBuffered = value;
    }

    /**
     * True while a streamed event is being delivered and more upstream input has already been received: the next
     * event follows without waiting, so the client writer may hold its flush for it and hand the events over in one
     * write. Never true while the stream waits for the upstream, so holding a flush never delays an event.
     */
    public boolean moreInputBuffered() {
        return moreInputBuffered;
    }
}
