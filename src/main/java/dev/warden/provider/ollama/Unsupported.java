package dev.warden.provider.ollama;

import dev.warden.llm.ApiException;
import dev.warden.provider.CallNotes;
import java.util.function.Supplier;

/**
 * The one place a parameter Ollama cannot honour is decided: refused with the 400 naming it that the translator
 * builds, or, when the deployment sets {@code drop_unsupported_params} ({@link dev.warden.provider.Endpoint}),
 * dropped and reported in the call notes (the {@code x-warden-dropped-params} header). Never silent. Only
 * parameters whose absence leaves the request's meaning intact go through here; the rest are always refused.
 *
 * @param dropAllowed the deployment's {@code drop_unsupported_params}
 */
record Unsupported(boolean dropAllowed, CallNotes notes) {

    /**
     * Drops and reports {@code name} when allowed, else throws the refusal.
     *
     * @param name the parameter as reported in {@code x-warden-dropped-params}
     * @param refusal the 400 naming the parameter (with its path), as the translator words it
     */
    void param(String name, Supplier<ApiException> refusal) {
        if (!dropAllowed) {
            throw refusal.get();
        }
        notes.droppedParam(name);
    }
}
