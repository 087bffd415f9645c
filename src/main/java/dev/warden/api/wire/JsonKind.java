package dev.warden.api.wire;

/** The JSON types a typed read can expect; each dialect names them in its own words ({@link ErrorWording}). */
public enum JsonKind {
    STRING("a string"),
    BOOLEAN("a boolean"),
    NUMBER("a number"),
    INTEGER("an integer"),
    ARRAY("an array"),
    OBJECT("an object");

    private final String noun;

    JsonKind(String noun) {
        this.noun = noun;
    }

    /** The plain English noun with its article, e.g. "an integer", as the OpenAI and Ollama messages use it. */
    public String noun() {
        return noun;
    }
}
