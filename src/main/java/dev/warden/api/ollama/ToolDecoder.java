package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Tool;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code tools} and {@code format}: the request fields that shape the answer. */
final class ToolDecoder {
    private ToolDecoder() {}

    /** A function declared without parameters takes none; upstreams differ on absence, so it is made explicit. */
    static final RawJson NO_PARAMETERS = RawJson.of("{\"type\":\"object\",\"properties\":{}}");

    /** The schema name Ollama's {@code format} lacks and OpenAI-style upstreams require. */
    static final String SCHEMA_NAME = "response";

    /** Ollama's tools are OpenAI's function tools: {@code {type: "function", function: {name, description, parameters}}}. */
    static List<Tool> tools(ObjectFields request) {
        List<ObjectFields> items = request.objects("tools");
        var tools = new ArrayList<Tool>(items.size());
        for (ObjectFields tool : items) {
            String type = tool.string("type");
            if (type != null && !type.equals("function")) {
                throw RequestErrors.invalid(tool.at("type"), tool.at("type") + ": invalid value '" + type
                        + "'; expected 'function'");
            }
            ObjectFields function = tool.requiredObject("function");
            String name = function.requiredString("name");
            if (name.isEmpty()) {
                throw RequestErrors.missing(function.at("name"));
            }
            ObjectFields parameters = function.object("parameters");
            tools.add(new Tool(name, function.nonEmptyString("description"),
                    parameters == null ? NO_PARAMETERS : RawJson.of(parameters.node().toString()), null));
        }
        return tools;
    }

    /**
     * {@code "json"} is JSON mode; an object is a JSON schema the answer must follow (structured outputs). The empty
     * string is what older ollama-python versions send for "no format".
     */
    static @Nullable ResponseFormat format(ObjectFields request) {
        JsonNode format = request.get("format");
        if (format == null) {
            return null;
        }
        if (format.isTextual()) {
            return switch (format.textValue()) {
                case "" -> null;
                case "json" -> new ResponseFormat.JsonObject();
                default -> throw RequestErrors.invalid("format", "format: invalid value '" + format.textValue()
                        + "'; expected \"json\" or a JSON schema object");
            };
        }
        if (!format.isObject()) {
            throw RequestErrors.wrongType("format", "\"json\" or a JSON schema object", format);
        }
        return new ResponseFormat.JsonSchema(SCHEMA_NAME, null, RawJson.of(format.toString()), null);
    }
}
