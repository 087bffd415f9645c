package dev.warden.auth;

import dev.warden.llm.ApiException;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;

/** Establishes the caller from the presented credential, before the body is even parsed. */
public final class AuthenticateStage implements Stage {
    private final Authenticator authenticator;

    public AuthenticateStage(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Slot slot() {
        return Slot.AUTHENTICATE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        try {
            exchange.principal(authenticator.authenticate(exchange.credential()));
        } catch (ApiException rejected) {
            return new Reply.Failure(rejected.error());
        }
        return next.proceed(exchange);
    }
}
