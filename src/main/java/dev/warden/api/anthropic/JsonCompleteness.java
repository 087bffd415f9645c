package dev.warden.api.anthropic;

/**
 * Tells, fragment by fragment, when streamed tool arguments have formed a complete JSON object or array: string-
 * and escape-aware bracket counting, no parsing. The stream writer uses it to know that a tool call can take no
 * more argument fragments, so the next call's block may open. Arguments that start with a scalar are never
 * complete, which only makes the writer wait (buffer) longer, never lose anything.
 */
final class JsonCompleteness {
    private int depth;
    private boolean started;
    private boolean inString;
    private boolean escaped;
    private boolean scalar;

    void feed(CharSequence fragment) {
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                started = true;
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (!started && !Character.isWhitespace(c)) {
                scalar = true;
            }
        }
    }

    boolean complete() {
        return started && !scalar && depth == 0 && !inString;
    }
}
