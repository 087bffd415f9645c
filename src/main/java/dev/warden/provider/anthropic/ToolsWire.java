package dev.warden.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Tools, tool choice and JSON output → Anthropic's {@code tools} and {@code tool_choice}. Pure.
 *
 * <p><b>JSON output.</b> Anthropic's stable Messages API has no JSON mode that every model takes, so
 * {@code response_format} json_object / json_schema is emulated the documented way: one tool named
 * {@value #JSON_TOOL} whose {@code input_schema} is the requested schema (any object for json_object), forced with
 * {@code tool_choice: {type: tool}}. The response translators turn that tool's {@code input} back into the
 * assistant's text and report a natural stop, so the client sees a JSON answer. Because the tool is forced, it cannot
 * be combined with the client's own tools (refused with a 400 naming {@code response_format}).
 */
final class ToolsWire {
    static final String JSON_TOOL = "json_response";
    private static final String JSON_TOOL_DESCRIPTION =
            "Respond to the user with a JSON value that conforms to this tool's input schema.";

    private ToolsWire() {}

    /** Writes {@code tools} and {@code tool_choice}; returns true when JSON output is emulated. */
    static boolean write(ObjectNode root, ChatRequest request) {
        var format = request.responseFormat();
        if (format instanceof ResponseFormat.JsonObject || format instanceof ResponseFormat.JsonSchema) {
            if (!request.tools().isEmpty()) {
                throw RequestWire.invalid("'response_format' (JSON output) is emulated with a forced tool on "
                        + "Anthropic and cannot be combined with tools.", "response_format");
            }
            var tool = root.putArray("tools").addObject();
            tool.put("name", JSON_TOOL);
            if (format instanceof ResponseFormat.JsonSchema schema) {
                tool.put("description", schema.description() != null ? schema.description() : JSON_TOOL_DESCRIPTION);
                tool.set("input_schema", parse(schema.schema(), "response_format"));
            } else {
                tool.put("description", JSON_TOOL_DESCRIPTION);
                tool.putObject("input_schema").put("type", "object");
            }
            root.putObject("tool_choice").put("type", "tool").put("name", JSON_TOOL);
            return true;
        }
        if (request.tools().isEmpty()) {
            var choice = request.toolChoice();
            if (choice instanceof ToolChoice.Required || choice instanceof ToolChoice.Named) {
                throw RequestWire.invalid("'tool_choice' requires tools.", "tool_choice");
            }
            // auto/none/parallel_tool_calls without tools change nothing: there is nothing to call.
            return false;
        }
        var tools = root.putArray("tools");
        for (var tool : request.tools()) {
            tools.add(tool(tool));
        }
        var choice = toolChoice(request.toolChoice(), request.parallelToolCalls());
        if (choice != null) {
            root.set("tool_choice", choice);
        }
        return false;
    }

    private static JsonNode tool(Tool tool) {
        var node = ProviderJson.NODES.objectNode().put("name", tool.name());
        if (tool.description() != null) {
            node.put("description", tool.description());
        }
        node.set("input_schema", parse(tool.parameters(), "tools"));
        if (Boolean.TRUE.equals(tool.strict())) {
            // Anthropic's strict tool use; false is its default and is not sent.
            node.put("strict", true);
        }
        return MessagesWire.cacheControl(node, tool.cache());
    }

    /** Null when nothing needs saying (Anthropic's default is auto with parallel use allowed). */
    private static @Nullable ObjectNode toolChoice(@Nullable ToolChoice choice, @Nullable Boolean parallel) {
        boolean serial = Boolean.FALSE.equals(parallel);
        if (choice == null && !serial) {
            return null;
        }
        var node = ProviderJson.NODES.objectNode();
        switch (choice == null ? new ToolChoice.Auto() : choice) {
            case ToolChoice.Auto a -> node.put("type", "auto");
            case ToolChoice.Required r -> node.put("type", "any");
            case ToolChoice.Named(var name) -> node.put("type", "tool").put("name", name);
            case ToolChoice.None n -> {
                return node.put("type", "none"); // no tool at all: parallelism is moot
            }
        }
        if (serial) {
            node.put("disable_parallel_tool_use", true);
        }
        return node;
    }

    private static JsonNode parse(RawJson json, String param) {
        try {
            var node = ProviderJson.read(json.json());
            if (node == null || !node.isObject()) {
                throw RequestWire.invalid("A JSON schema must be an object.", param);
            }
            return node;
        } catch (IOException e) {
            throw RequestWire.invalid("A JSON schema is not valid JSON.", param);
        }
    }
}
