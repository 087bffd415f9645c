package dev.warden.api.anthropic;

import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.RawJson;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@code tools} and {@code tool_choice}. Only client tools ("custom") translate; server tools run at Anthropic. */
final class ToolDecoder {
    private ToolDecoder() {}

    /**
     * {@code cache_control} becomes the tool's cache hint; {@code eager_input_streaming} only asks Anthropic to
     * stream a tool's input without buffering, which changes no result, so it is ignored too.
     */
    private static final Set<String> TOOL = Set.of("type", "name", "description", "input_schema", "cache_control",
            "strict", "eager_input_streaming", "defer_loading", "input_examples", "allowed_callers");

    /** The parsed tool choice: the canonical choice plus {@code disable_parallel_tool_use}, when given. */
    record Choice(@Nullable ToolChoice choice, @Nullable Boolean parallelToolCalls) {}

    static List<Tool> tools(ObjectFields request) {
        List<ObjectFields> items = request.objects("tools");
        var tools = new ArrayList<Tool>(items.size());
        for (ObjectFields tool : items) {
            String type = tool.string("type");
            if (type != null && !type.equals("custom")) {
                // web_search_20250305, bash_20250124, text_editor_..., code_execution_...: executed by Anthropic.
                throw RequestErrors.unsupported(tool.at("type"), "Server tool '" + type + "'");
            }
            tool.rejectUnknown(TOOL);
            tool.rejectPresent("defer_loading", "Tool 'defer_loading'");
            tool.rejectPresent("input_examples", "Tool 'input_examples'");
            tool.rejectPresent("allowed_callers", "Tool 'allowed_callers'");
            ObjectFields schema = tool.requiredObject("input_schema");
            tools.add(new Tool(tool.requiredString("name"), tool.string("description"),
                    RawJson.of(schema.node().toString()), tool.bool("strict"), BlockDecoder.cache(tool)));
        }
        return tools;
    }

    static Choice toolChoice(ObjectFields request) {
        ObjectFields choice = request.object("tool_choice");
        if (choice == null) {
            return new Choice(null, null);
        }
        String type = choice.requiredString("type");
        ToolChoice canonical = switch (type) {
            case "auto" -> {
                choice.rejectUnknown(Set.of("type", "disable_parallel_tool_use"));
                yield new ToolChoice.Auto();
            }
            case "any" -> {
                choice.rejectUnknown(Set.of("type", "disable_parallel_tool_use"));
                yield new ToolChoice.Required();
            }
            case "tool" -> {
                choice.rejectUnknown(Set.of("type", "name", "disable_parallel_tool_use"));
                yield new ToolChoice.Named(choice.requiredString("name"));
            }
            case "none" -> {
                choice.rejectUnknown(Set.of("type"));
                yield new ToolChoice.None();
            }
            default -> throw RequestErrors.badTag("tool_choice", type, "'auto', 'any', 'tool', 'none'");
        };
        // "Disable parallel" is the inverse of the canonical flag; an explicit false is kept as an explicit true.
        Boolean disable = choice.bool("disable_parallel_tool_use");
        return new Choice(canonical, disable == null ? null : !disable);
    }
}
