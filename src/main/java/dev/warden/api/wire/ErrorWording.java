package dev.warden.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiException;

/**
 * How one dialect words the 400s of request decoding. The checks are the same for every dialect; only the text
 * differs, and clients show that text to their users, so each dialect keeps its upstream's exact wording. Every
 * {@code path} is the full parameter path in the dialect's own style (e.g. {@code messages[0].content} or {@code
 * messages.0.content}).
 */
public interface ErrorWording {

    /**
     * The path of item {@code index} of the array at {@code arrayPath}, in the dialect's style: {@code
     * messages[0]} by default, as OpenAI and Ollama write it; Anthropic's pydantic writes {@code messages.0}.
     */
    default String item(String arrayPath, int index) {
        return arrayPath + "[" + index + "]";
    }

    ApiException missing(String path);

    ApiException wrongType(String path, JsonKind expected, JsonNode got);

    /** A field outside the known set, at the top level or inside an object. */
    ApiException unknownField(String path);

    /** A field the upstream API knows but Warden cannot honour yet: a 400 naming it, never a silent drop. */
    ApiException unsupported(String path, String what);

    /** A number outside {@code [min, max]}; {@code got} is the number as sent. */
    ApiException outOfRange(String path, double min, double max, JsonNode got);

    /** A whole number below {@code min} or beyond the int range. */
    ApiException integerOutOfRange(String path, int min, long got);

    /**
     * A body that is not one JSON object. {@code clause} is lower-case without a final full stop, as Ollama writes
     * it; a dialect that writes sentences capitalises it and adds the stop when {@code endsSentence} (a parser's
     * message appended to the clause already carries its own punctuation).
     */
    ApiException malformedBody(String clause, boolean endsSentence);

    /** What a client sent, for "expected X, got Y" messages. */
    default String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
        };
    }

    /** A bound written as the API documents it: {@code 2} rather than {@code 2.0}. */
    static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    /** The clause as a sentence: first letter capitalised, a full stop if it ends one. */
    static String sentence(String clause, boolean endsSentence) {
        String capitalised = clause.isEmpty() ? clause : Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
        return endsSentence ? capitalised + "." : capitalised;
    }
}
