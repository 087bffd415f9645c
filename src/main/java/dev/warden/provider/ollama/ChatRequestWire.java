package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.List;

/**
 * Canonical chat request → Ollama {@code /api/chat} body. Pure.
 *
 * <p>Ollama has no {@code tool_choice}: {@code auto} is its only behaviour, {@code none} is honoured by not offering
 * the tools at all, and {@code required} or a named tool cannot be enforced, so they are refused. It returns one
 * choice ({@code n > 1} refused) and has no switch to stop parallel tool calls ({@code parallel_tool_calls: false}
 * refused) nor strict tool schemas ({@code strict: true} refused). {@code user} is an end-user identifier Ollama has
 * no field for; it does not change the answer, so it is always dropped and reported in {@link CallNotes} rather than
 * failing every client that sets it.
 *
 * <p>Under {@code drop_unsupported_params} ({@link UnsupportedParams}) {@code parallel_tool_calls: false},
 * {@code strict: true} and foreign extra fields are dropped and reported instead: the request still asks for the
 * same answer, only less tightly held. {@code tool_choice} required or named and {@code n > 1} stay a 400, because
 * without them the client could get no tool call it made mandatory, or fewer choices than it asked for.
 */
final class ChatRequestWire {
    private ChatRequestWire() {}

    /**
     * @param stream what to send as {@code stream}: always written, because Ollama streams when it is absent
     * @throws ApiException 400 naming the parameter Ollama cannot honour
     */
    static byte[] toWire(ChatRequest request, boolean stream, OllamaSettings settings, UnsupportedParams unsupported) {
        Extras.check(request.extra(), Extras.CHAT, unsupported);
        var choice = request.toolChoice();
        if (choice instanceof ToolChoice.Required || choice instanceof ToolChoice.Named) {
            throw OptionsWire.invalid("Ollama cannot be made to call a tool; only 'auto' and 'none' are supported "
                    + "for 'tool_choice'.", "tool_choice");
        }
        if (Boolean.FALSE.equals(request.parallelToolCalls())) {
            unsupported.param("parallel_tool_calls", () -> OptionsWire.invalid("Ollama cannot be kept from calling "
                    + "several tools at once; 'parallel_tool_calls: false' is not supported.", "parallel_tool_calls"));
        }
        var options = OptionsWire.merge(request.sampling(), settings.defaultOptions(), request.extra().get("options"));
        boolean offerTools = !request.tools().isEmpty() && !(choice instanceof ToolChoice.None);
        if (request.user() != null) {
            unsupported.notes().droppedParam("user");
        }
        var keepAlive = Extras.keepAlive(request.extra(), settings);
        var think = request.extra().get("think");
        return ProviderJson.write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("model", request.model());
            gen.writeFieldName("messages");
            MessagesWire.write(gen, request.messages(), unsupported.notes());
            if (offerTools) {
                writeTools(gen, request.tools(), unsupported);
            }
            if (request.responseFormat() != null) {
                writeFormat(gen, request.responseFormat());
            }
            OptionsWire.write(gen, options);
            if (keepAlive != null) {
                gen.writeFieldName("keep_alive");
                gen.writeRawValue(keepAlive.json());
            }
            if (think != null) {
                gen.writeFieldName("think");
                gen.writeRawValue(think.json());
            }
            gen.writeBooleanField("stream", stream);
            gen.writeEndObject();
        });
    }

    private static void writeTools(JsonGenerator gen, List<Tool> tools, UnsupportedParams unsupported)
            throws IOException {
        gen.writeArrayFieldStart("tools");
        for (int i = 0; i < tools.size(); i++) {
            var tool = tools.get(i);
            if (Boolean.TRUE.equals(tool.strict())) {
                var param = "tools[" + i + "].function.strict";
                unsupported.param("strict", () -> OptionsWire.invalid(
                        "Ollama does not enforce tool schemas; 'strict: true' is not supported.", param));
            }
            gen.writeStartObject();
            gen.writeStringField("type", "function");
            gen.writeObjectFieldStart("function");
            gen.writeStringField("name", tool.name());
            if (tool.description() != null) {
                gen.writeStringField("description", tool.description());
            }
            gen.writeFieldName("parameters");
            gen.writeRawValue(tool.parameters().json());
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    /** {@code format}: {@code "json"} for JSON mode, the schema itself for structured output, nothing for text. */
    private static void writeFormat(JsonGenerator gen, ResponseFormat format) throws IOException {
        switch (format) {
            case ResponseFormat.Text t -> { }
            case ResponseFormat.JsonObject j -> gen.writeStringField("format", "json");
            case ResponseFormat.JsonSchema schema -> {
                gen.writeFieldName("format");
                gen.writeRawValue(schema.schema().json());
            }
        }
    }
}
