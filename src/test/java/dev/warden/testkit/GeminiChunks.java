package dev.warden.testkit;

/** Gemini answers and stream chunks for tests to script, in the documented GenerateContentResponse shape. */
public final class GeminiChunks {
    private GeminiChunks() {}

    /** A chunk with one text part; {@code finishReason} may be null for a chunk in the middle. */
    public static String textChunk(String text, String finishReason) {
        var chunk = GeminiAnswers.JSON.createObjectNode();
        chunk.putArray("candidates").add(GeminiAnswers.candidate(0, text, finishReason));
        chunk.put("modelVersion", "gemini-2.5-flash");
        chunk.put("responseId", GeminiAnswers.RESPONSE_ID);
        return chunk.toString();
    }

    /** One candidate calling each given {@code functionCall} object (raw JSON), finished by STOP, with usage. */
    public static String functionCalls(String... calls) {
        var parts = new StringBuilder();
        for (var call : calls) {
            parts.append(parts.isEmpty() ? "" : ",").append("{\"functionCall\":").append(call).append('}');
        }
        return "{\"candidates\":[{\"content\":{\"parts\":[" + parts + "],\"role\":\"model\"},\"finishReason\":"
                + "\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":10,"
                + "\"totalTokenCount\":30},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"resp-fc\"}";
    }

    /** The same as a whole generateContent answer (Gemini's whole answers and chunks share one shape). */
    public static String functionCallAnswer(String... calls) {
        return functionCalls(calls);
    }

    /** A candidate stopped by SAFETY with no content, as Gemini streams a blocked answer. */
    public static String safetyStopChunk() {
        return "{\"candidates\":[{\"finishReason\":\"SAFETY\",\"index\":0,\"safetyRatings\":[{\"category\":"
                + "\"HARM_CATEGORY_HATE_SPEECH\",\"probability\":\"HIGH\",\"blocked\":true}]}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"totalTokenCount\":5},\"modelVersion\":"
                + "\"gemini-2.5-flash\",\"responseId\":\"resp-safe\"}";
    }
}
