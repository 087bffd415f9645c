package dev.warden.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One turn of a conversation: a role and its ordered parts. {@code name} is the optional participant name. */
public record Message(Role role, List<ContentPart> parts, @Nullable String name) {
    public Message {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
    }

    public static Message text(Role role, String text) {
        return new Message(role, List.of(new ContentPart.Text(text)), null);
    }

    /** All text parts joined, for dialects and providers that only take a string. */
    public String joinedText() {
        var out = new StringBuilder();
        for (var part : parts) {
            if (part instanceof ContentPart.Text(var text, var _)) {
                out.append(text);
            }
        }
        return out.toString();
    }

    public List<ContentPart.ToolCall> toolCalls() {
        var calls = new ArrayList<ContentPart.ToolCall>();
        for (var part : parts) {
            if (part instanceof ContentPart.ToolCall call) {
                calls.add(call);
            }
        }
        return calls;
    }
}
