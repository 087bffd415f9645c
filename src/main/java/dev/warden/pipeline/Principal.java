package dev.warden.pipeline;

import java.util.Objects;

/**
 * Who is calling, as established by authentication. {@code id} is safe to log (never a secret): "master" for the
 * master key, a key id for virtual keys, a subject for JWT callers.
 */
public record Principal(String id, Kind kind) {
    public enum Kind { MASTER, VIRTUAL_KEY, JWT }

    public static final Principal MASTER = new Principal("master", Kind.MASTER);

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
