package dev.warden.llm;

import java.util.Arrays;
import java.util.Objects;

/** One embedding vector, in the order of the request's inputs. */
public record Embedding(int index, float[] vector) {
    public Embedding {
        Objects.requireNonNull(vector, "vector");
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public int dimensions() {
        return vector.length;
    }

    public float at(int i) {
        return vector[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding e && e.index == index && Arrays.equals(e.vector, vector);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[index=" + index + ", dimensions=" + vector.length + "]";
    }
}
