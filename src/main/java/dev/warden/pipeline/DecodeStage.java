package dev.warden.pipeline;

/**
 * Turns the wire body into the canonical operation, after authentication, so unauthenticated callers never get
 * the body parsed (and learn nothing from validation errors).
 */
public final class DecodeStage implements Stage {

    @Override
    public Slot slot() {
        return Slot.DECODE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        exchange.operation(exchange.decoder().get());
        return next.proceed(exchange);
    }
}
