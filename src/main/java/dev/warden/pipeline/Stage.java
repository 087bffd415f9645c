package dev.warden.pipeline;

/**
 * One step of the request path. A stage either answers itself (a typed short-circuit such as
 * {@link Reply.Failure}) or calls {@link Chain#proceed} and may act on what comes back.
 */
public interface Stage {

    Slot slot();

    Reply apply(Exchange exchange, Chain next);

    /** The rest of the pipeline after the current stage. */
    @FunctionalInterface
    interface Chain {
        Reply proceed(Exchange exchange);
    }
}
