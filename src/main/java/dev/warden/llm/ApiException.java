package dev.warden.llm;

import java.util.Objects;

/** Carries an {@link ApiError} out of code that cannot return it; caught and rendered once, at the edge. */
public final class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ApiException(ApiError error, Throwable cause) {
        super(error.message(), cause, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ApiError error() {
        return error;
    }
}
