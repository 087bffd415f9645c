package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code tools}, {@code tool_choice} and {@code response_format}: the request fields that shape the answer. */
final class ToolDecoder {
    private ToolDecoder() {}

    /** What OpenAI assumes for a function declared without parameters; upstreams differ, so it is made explicit. */
    static final RawJson NO_PARAMETERS = RawJson.of("{\"type\":\"object\",\"properties\":{}}");

    static List<Tool> tools(ObjectFields request) {
        List<ObjectFields> items = request.objects("tools");
        var tools = new ArrayList<Tool>(items.size());
        for (ObjectFields tool : items) {
            String type = tool.string("type");
            if (type != null && !type.equals("function")) {
                throw RequestErrors.unsupported(tool.at("type"), "Tool type '" + type + "'");
            }
            ObjectFields function = tool.requiredObject("function");
            ObjectFields parameters = function.object("parameters");
            tools.add(new Tool(function.requiredString("name"), function.string("description"),
                    parameters == null ? NO_PARAMETERS : RawJson.of(parameters.node().toString()),
                    function.bool("strict")));
        }
        return tools;
    }

    static @Nullable ToolChoice toolChoice(ObjectFields request) {
        JsonNode value = request.get("tool_choice");
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return switch (value.textValue()) {
                case "auto" -> new ToolChoice.Auto();
                case "none" -> new ToolChoice.None();
                case "required" -> new ToolChoice.Required();
                default -> throw RequestErrors.invalid("tool_choice", "Invalid value for 'tool_choice': '"
                        + value.textValue() + "'. Supported values are: 'none', 'auto' and 'required'.");
            };
        }
        if (!value.isObject()) {
            throw RequestErrors.wrongType("tool_choice", "a string or an object", value);
        }
        ObjectFields choice = ObjectFields.of(RequestErrors.WORDING, value, "tool_choice");
        String type = choice.requiredString("type");
        if (!type.equals("function")) {
            throw RequestErrors.unsupported("tool_choice.type", "Tool choice type '" + type + "'");
        }
        return new ToolChoice.Named(choice.requiredObject("function").requiredString("name"));
    }

    static @Nullable ResponseFormat responseFormat(ObjectFields request) {
        ObjectFields format = request.object("response_format");
        if (format == null) {
            return null;
        }
        String type = format.requiredString("type");
        return switch (type) {
            case "text" -> new ResponseFormat.Text();
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> {
                ObjectFields spec = format.requiredObject("json_schema");
                ObjectFields schema = spec.object("schema");
                // OpenAI makes the schema optional; "{}" (any JSON) is what an absent schema means.
                yield new ResponseFormat.JsonSchema(spec.requiredString("name"), spec.string("description"),
                        RawJson.of(schema == null ? "{}" : schema.node().toString()), spec.bool("strict"));
            }
            default -> throw RequestErrors.invalid(format.at("type"), "Invalid value for '" + format.at("type")
                    + "': '" + type + "'. Supported values are: 'text', 'json_object' and 'json_schema'.");
        };
    }
}
