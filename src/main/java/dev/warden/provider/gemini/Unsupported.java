package dev.warden.provider.gemini;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.provider.CallNotes;

/**
 * The one place a canonical parameter Gemini cannot honour is decided: rejected with a 400 naming it, or, when the
 * deployment allows dropping, dropped and reported in the call notes. Never silent.
 */
record Unsupported(boolean dropAllowed, CallNotes notes) {

    void param(String name, String why) {
        if (dropAllowed) {
            notes.droppedParam(name);
            return;
        }
        throw new ApiException(ApiError.InvalidRequest.of(
                "The parameter '" + name + "' is not supported by this Gemini deployment: " + why, name));
    }

    static ApiException invalid(String message, String param) {
        return new ApiException(ApiError.InvalidRequest.of(message, param));
    }
}
