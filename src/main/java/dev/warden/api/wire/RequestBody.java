package dev.warden.api.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A request body split into the fields Warden models (as a tree, for typed reads) and the fields it passes through
 * untouched.
 *
 * <p>The top level is read with the streaming parser so that pass-through fields are never turned into a tree:
 * their bytes are sliced out of the body as they were sent, which is both cheaper and exact (number spelling, key
 * order and escapes reach the upstream untouched).
 */
public record RequestBody(ObjectFields fields, Map<String, RawJson> extra) {

    /** Every field outside {@code modelled} passes through (OpenAI, Ollama: new upstream parameters just work). */
    public static RequestBody parse(ErrorWording wording, ObjectMapper mapper, byte[] body, Set<String> modelled) {
        return parse(wording, mapper, body, modelled, name -> true);
    }

    /**
     * Only the fields {@code passThrough} accepts pass through; any other unmodelled field is the dialect's
     * unknown-field 400 (the Anthropic API rejects them too: "Extra inputs are not permitted").
     */
    public static RequestBody parse(ErrorWording wording, ObjectMapper mapper, byte[] body, Set<String> modelled,
            Predicate<String> passThrough) {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw wording.malformedBody("the request body is empty; expected a JSON object", true);
            }
            if (first != JsonToken.START_OBJECT) {
                JsonNode got = orNull(mapper.readTree(parser));
                throw wording.malformedBody("the request body must be a JSON object, got " + wording.describe(got),
                        true);
            }
            ObjectNode fields = mapper.createObjectNode();
            var extra = new LinkedHashMap<String, RawJson>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (modelled.contains(name)) {
                    fields.set(name, orNull(mapper.readTree(parser)));
                } else if (passThrough.test(name)) {
                    extra.put(name, verbatim(parser, body));
                } else {
                    throw wording.unknownField(name);
                }
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw wording.malformedBody("invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": unexpected content after the JSON object", true);
            }
            return new RequestBody(ObjectFields.root(wording, fields), extra);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw wording.malformedBody("invalid JSON" + where + ": " + e.getOriginalMessage(), false);
        } catch (IOException e) {
            // Reading from a byte array cannot fail with a real I/O error.
            throw new UncheckedIOException(e);
        }
    }

    /** The current value's exact bytes; the parser is left on the value's last token. */
    private static RawJson verbatim(JsonParser parser, byte[] body) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        // Strings are decoded lazily; finishing the token moves the location past the closing quote.
        parser.finishToken();
        long end = parser.currentLocation().getByteOffset();
        return RawJson.of(new String(body, (int) start, (int) (end - start), StandardCharsets.UTF_8));
    }

    private static JsonNode orNull(@Nullable JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
