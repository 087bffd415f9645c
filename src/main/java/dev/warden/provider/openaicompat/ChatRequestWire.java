package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Canonical chat request → OpenAI chat completions body. Pure. */
final class ChatRequestWire {
    private ChatRequestWire() {}

    /**
     * @param stream whether to ask for a stream (the provider method decides, not the request's flag)
     * @throws ApiException 400 for content the OpenAI wire cannot carry (an image in an assistant turn)
     */
    static byte[] toWire(ChatRequest request, boolean stream, Dialect dialect, CallNotes notes) {
        return toWire(request, stream, dialect, notes, false);
    }

    /** @param dropForeign drop (and report) extra fields of another client dialect instead of refusing them */
    static byte[] toWire(ChatRequest request, boolean stream, Dialect dialect, CallNotes notes,
            boolean dropForeign) {
        return ProviderJson.write(gen -> {
            var params = new ParamWriter(gen, dialect, notes);
            gen.writeStartObject();
            params.string("model", request.model());
            params.object("messages", g -> writeMessages(g, request.messages(), dialect));
            SamplingWire.write(params, request.sampling());
            if (!request.tools().isEmpty()) {
                params.object("tools", g -> writeTools(g, request.tools()));
            }
            if (request.toolChoice() != null) {
                var choice = request.toolChoice();
                params.object("tool_choice", g -> writeToolChoice(g, choice));
            }
            if (request.parallelToolCalls() != null) {
                params.bool("parallel_tool_calls", request.parallelToolCalls());
            }
            if (request.responseFormat() != null) {
                var format = request.responseFormat();
                params.object("response_format", g -> writeResponseFormat(g, format));
            }
            if (stream) {
                params.bool("stream", true);
                if (dialect.supportsStreamUsage()) {
                    // Always asked for, whatever the client said: budgets need the real count.
                    params.object("stream_options", g -> {
                        g.writeStartObject();
                        g.writeBooleanField("include_usage", true);
                        g.writeEndObject();
                    });
                }
            }
            if (request.user() != null) {
                params.string("user", request.user());
            }
            params.extras(request.extra(), request.extraDialect(), dropForeign);
            params.finish();
            gen.writeEndObject();
        });
    }

    private static void writeMessages(JsonGenerator gen, List<Message> messages, Dialect dialect) throws IOException {
        gen.writeStartArray();
        for (var message : messages) {
            writeMessage(gen, message, dialect);
        }
        gen.writeEndArray();
    }

    private static void writeMessage(JsonGenerator gen, Message message, Dialect dialect) throws IOException {
        // Tool results become their own "tool" messages wherever they sit (Anthropic-style clients put them in a
        // user turn); what remains of the turn follows them.
        var rest = new ArrayList<ContentPart>(message.parts().size());
        for (var part : message.parts()) {
            if (part instanceof ContentPart.ToolResult result) {
                writeToolResult(gen, result);
            } else {
                rest.add(part);
            }
        }
        if (rest.isEmpty() && message.parts().size() > 0) {
            return;
        }
        switch (message.role()) {
            case TOOL -> throw invalid("A tool message must carry a tool result.");
            case ASSISTANT -> writeAssistant(gen, message, rest);
            case SYSTEM, DEVELOPER, USER -> {
                gen.writeStartObject();
                gen.writeStringField("role", roleName(message.role(), dialect));
                gen.writeFieldName("content");
                writeContent(gen, rest, message.role());
                if (message.name() != null) {
                    gen.writeStringField("name", message.name());
                }
                gen.writeEndObject();
            }
        }
    }

    private static String roleName(Role role, Dialect dialect) {
        return switch (role) {
            case SYSTEM -> "system";
            case DEVELOPER -> dialect.developerRole() ? "developer" : "system";
            case USER -> "user";
            case ASSISTANT -> "assistant";
            case TOOL -> "tool";
        };
    }

    /** A single text part is written as a plain string (what every compatible server accepts); else an array. */
    private static void writeContent(JsonGenerator gen, List<ContentPart> parts, Role role) throws IOException {
        if (parts.isEmpty()) {
            gen.writeString("");
            return;
        }
        if (parts.size() == 1 && parts.getFirst() instanceof ContentPart.Text(var text, var _)) {
            gen.writeString(text);
            return;
        }
        gen.writeStartArray();
        for (var part : parts) {
            switch (part) {
                case ContentPart.Text(var text, var _) -> {
                    gen.writeStartObject();
                    gen.writeStringField("type", "text");
                    gen.writeStringField("text", text);
                    gen.writeEndObject();
                }
                case ContentPart.Image image -> {
                    if (role != Role.USER) {
                        throw invalid("Images are only accepted in user messages by this upstream.");
                    }
                    writeImage(gen, image);
                }
                // Reasoning is output-only on this wire (DeepSeek rejects it as input), so it is not replayed.
                case ContentPart.Thinking thinking -> { }
                case ContentPart.ToolCall call -> throw invalid("Only assistant messages may contain tool calls.");
                case ContentPart.ToolResult result -> throw new IllegalStateException("tool results split off");
            }
        }
        gen.writeEndArray();
    }

    private static void writeImage(JsonGenerator gen, ContentPart.Image image) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "image_url");
        gen.writeObjectFieldStart("image_url");
        gen.writeStringField("url", switch (image.source()) {
            case ImageSource.Url(var url) -> url;
            case ImageSource.Base64(var mediaType, var data) -> "data:" + mediaType + ";base64," + data;
        });
        if (image.detail() != null) {
            gen.writeStringField("detail", image.detail());
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeAssistant(JsonGenerator gen, Message message, List<ContentPart> parts)
            throws IOException {
        var text = new StringBuilder();
        var calls = new ArrayList<ContentPart.ToolCall>();
        for (var part : parts) {
            switch (part) {
                case ContentPart.Text(var t, var _) -> text.append(t);
                case ContentPart.ToolCall call -> calls.add(call);
                case ContentPart.Thinking thinking -> { } // output-only, see writeContent
                case ContentPart.Image image -> throw invalid("Images are only accepted in user messages.");
                case ContentPart.ToolResult result -> throw new IllegalStateException("tool results split off");
            }
        }
        gen.writeStartObject();
        gen.writeStringField("role", "assistant");
        if (text.isEmpty() && !calls.isEmpty()) {
            gen.writeNullField("content");
        } else {
            gen.writeStringField("content", text.toString());
        }
        if (message.name() != null) {
            gen.writeStringField("name", message.name());
        }
        if (!calls.isEmpty()) {
            gen.writeArrayFieldStart("tool_calls");
            for (var call : calls) {
                gen.writeStartObject();
                gen.writeStringField("id", call.id());
                gen.writeStringField("type", "function");
                gen.writeObjectFieldStart("function");
                gen.writeStringField("name", call.name());
                gen.writeStringField("arguments", call.arguments());
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void writeToolResult(JsonGenerator gen, ContentPart.ToolResult result) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("role", "tool");
        gen.writeStringField("tool_call_id", result.toolCallId());
        gen.writeFieldName("content");
        var texts = new ArrayList<ContentPart>();
        for (var part : result.content()) {
            if (part instanceof ContentPart.Text) {
                texts.add(part);
            } else {
                throw invalid("Tool results may only contain text for this upstream.");
            }
        }
        writeContent(gen, texts, Role.TOOL);
        gen.writeEndObject();
    }

    private static void writeTools(JsonGenerator gen, List<Tool> tools) throws IOException {
        gen.writeStartArray();
        for (var tool : tools) {
            gen.writeStartObject();
            gen.writeStringField("type", "function");
            gen.writeObjectFieldStart("function");
            gen.writeStringField("name", tool.name());
            if (tool.description() != null) {
                gen.writeStringField("description", tool.description());
            }
            gen.writeFieldName("parameters");
            gen.writeRawValue(tool.parameters().json());
            if (tool.strict() != null) {
                gen.writeBooleanField("strict", tool.strict());
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void writeToolChoice(JsonGenerator gen, ToolChoice choice) throws IOException {
        switch (choice) {
            case ToolChoice.Auto a -> gen.writeString("auto");
            case ToolChoice.None n -> gen.writeString("none");
            case ToolChoice.Required r -> gen.writeString("required");
            case ToolChoice.Named(var name) -> {
                gen.writeStartObject();
                gen.writeStringField("type", "function");
                gen.writeObjectFieldStart("function");
                gen.writeStringField("name", name);
                gen.writeEndObject();
                gen.writeEndObject();
            }
        }
    }

    private static void writeResponseFormat(JsonGenerator gen, ResponseFormat format) throws IOException {
        gen.writeStartObject();
        switch (format) {
            case ResponseFormat.Text t -> gen.writeStringField("type", "text");
            case ResponseFormat.JsonObject j -> gen.writeStringField("type", "json_object");
            case ResponseFormat.JsonSchema schema -> {
                gen.writeStringField("type", "json_schema");
                gen.writeObjectFieldStart("json_schema");
                gen.writeStringField("name", schema.name());
                if (schema.description() != null) {
                    gen.writeStringField("description", schema.description());
                }
                gen.writeFieldName("schema");
                gen.writeRawValue(schema.schema().json());
                if (schema.strict() != null) {
                    gen.writeBooleanField("strict", schema.strict());
                }
                gen.writeEndObject();
            }
        }
        gen.writeEndObject();
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.InvalidRequest.of(message, "messages"));
    }
}
