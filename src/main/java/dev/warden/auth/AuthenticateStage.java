package dev.warden.auth;

import dev.warden.llm.ApiError;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Establishes the caller from the presented key. Today that is the master key; virtual keys and JWT join here.
 * Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so neither the content nor the length
 * of the configured key leaks through timing.
 */
public final class AuthenticateStage implements Stage {
    private final byte[] masterKeyDigest;

    private AuthenticateStage(byte[] masterKeyDigest) {
        this.masterKeyDigest = masterKeyDigest;
    }

    public static AuthenticateStage withMasterKey(String masterKey) {
        if (masterKey.isBlank()) {
            throw new IllegalArgumentException("the master key must not be blank");
        }
        return new AuthenticateStage(digest(masterKey));
    }

    @Override
    public Slot slot() {
        return Slot.AUTHENTICATE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var presented = exchange.credential();
        if (presented.isEmpty() || presented.get().isEmpty()) {
            return new Reply.Failure(new ApiError.Unauthenticated(
                    "Missing API key. Send it as 'Authorization: Bearer <key>' or in the 'x-api-key' header."));
        }
        if (!MessageDigest.isEqual(masterKeyDigest, digest(presented.get()))) {
            return new Reply.Failure(new ApiError.Unauthenticated("Invalid API key."));
        }
        exchange.principal(Principal.MASTER);
        return next.proceed(exchange);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
