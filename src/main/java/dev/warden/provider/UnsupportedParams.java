package dev.warden.provider;

import dev.warden.llm.ApiException;
import java.util.function.Supplier;

/**
 * The one place a parameter an upstream cannot honour is decided: refused with the 400 naming it that the
 * translator builds, or, when the deployment sets {@code drop_unsupported_params} ({@link Endpoint}), dropped and
 * reported in the call notes (the {@code x-warden-dropped-params} header). Never silent. Only parameters whose
 * absence leaves the request's meaning intact go through here; the rest are always refused.
 *
 * @param dropAllowed the deployment's {@code drop_unsupported_params}
 */
public record UnsupportedParams(boolean dropAllowed, CallNotes notes) {

    /** The policy of a call to this endpoint. */
    public static UnsupportedParams of(Endpoint endpoint, CallNotes notes) {
        return new UnsupportedParams(endpoint.dropUnsupportedParams(), notes);
    }

    /**
     * Drops and reports {@code name} when allowed, else throws the refusal.
     *
     * @param name the parameter as reported in {@code x-warden-dropped-params}
     * @param refusal the 400 naming the parameter (with its path), as the translator words it
     */
    public void param(String name, Supplier<ApiException> refusal) {
        if (!dropAllowed) {
            throw refusal.get();
        }
        notes.droppedParam(name);
    }
}
