package dev.warden.api.anthropic;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request body split into the fields Warden models (as a tree, for typed reads) and the Anthropic fields it
 * passes through untouched ({@code thinking}, {@code service_tier}, ...). Unlike the OpenAI dialect, any other
 * top-level field is a 400, because the Anthropic API rejects them too ("Extra inputs are not permitted").
 *
 * <p>Pass-through values are sliced out of the body as the client sent them, which is both cheaper than building
 * a tree and exact (number spelling, key order and escapes reach an Anthropic upstream untouched).
 */
record RequestBody(Fields fields, Map<String, RawJson> extra) {

    static RequestBody parse(ObjectMapper mapper, byte[] body, Set<String> modelled, Set<String> passThrough) {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("The request body is empty; expected a JSON object.");
            }
            if (first != JsonToken.START_OBJECT) {
                JsonNode got = orNull(mapper.readTree(parser));
                throw invalid("The request body must be a JSON object, got " + RequestErrors.describe(got) + ".");
            }
            ObjectNode fields = mapper.createObjectNode();
            var extra = new LinkedHashMap<String, RawJson>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (modelled.contains(name)) {
                    fields.set(name, orNull(mapper.readTree(parser)));
                } else if (passThrough.contains(name)) {
                    extra.put(name, verbatim(parser, body));
                } else {
                    throw RequestErrors.extra(name);
                }
            }
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw invalid("Invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": unexpected content after the JSON object.");
            }
            return new RequestBody(new Fields(fields, ""), extra);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid("Invalid JSON" + where + ": " + e.getOriginalMessage());
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

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.InvalidRequest.of(message, null));
    }
}
