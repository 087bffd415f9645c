package dev.warden.api.anthropic;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.Tool;
import java.util.Optional;

/**
 * A documented estimate of a request's input tokens for {@code count_tokens} when no upstream counts them.
 *
 * <ul>
 *   <li>Text: one token per {@value #CHARS_PER_TOKEN} characters (Unicode code points), rounded up, over the
 *       system prompt, every message's text, thinking, tool calls (name and arguments), tool results, and the tool
 *       definitions (name, description and input schema JSON).
 *   <li>Every message adds {@value #PER_MESSAGE} tokens for its role and framing.
 *   <li>Images follow Anthropic's published formula: width × height / 750 tokens, after scaling an image whose long
 *       edge exceeds {@value #MAX_EDGE} px down to it, and at most {@value #MAX_IMAGE_TOKENS} (the size at which
 *       Anthropic scales images down). The size is read from a base64 image's header; an image given by URL, or
 *       whose size cannot be read, counts as {@value #MAX_IMAGE_TOKENS}, the most one image can cost.
 * </ul>
 * Real tokenizers differ by model; this is for budgeting and for clients such as Claude Code that decide when to
 * compact a conversation, not for billing.
 */
final class TokenEstimator {
    private TokenEstimator() {}

    static final int CHARS_PER_TOKEN = 4;
    static final int PER_MESSAGE = 4;
    static final int MAX_EDGE = 1568;
    static final int MAX_IMAGE_TOKENS = 1600;

    static long estimate(ChatRequest request) {
        long chars = 0;
        long tokens = 0;
        for (Message message : request.messages()) {
            tokens += PER_MESSAGE;
            for (ContentPart part : message.parts()) {
                chars += chars(part);
                tokens += images(part);
            }
        }
        for (Tool tool : request.tools()) {
            chars += length(tool.name()) + length(tool.parameters().json());
            if (tool.description() != null) {
                chars += length(tool.description());
            }
        }
        return tokens + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static long chars(ContentPart part) {
        return switch (part) {
            case ContentPart.Text t -> length(t.text());
            case ContentPart.Thinking t -> length(t.text());
            case ContentPart.ToolCall c -> length(c.name()) + length(c.arguments());
            case ContentPart.ToolResult r -> r.content().stream().mapToLong(TokenEstimator::chars).sum();
            case ContentPart.Image i -> 0;
        };
    }

    private static long images(ContentPart part) {
        return switch (part) {
            case ContentPart.Image i -> imageTokens(i.source());
            case ContentPart.ToolResult r -> r.content().stream().mapToLong(TokenEstimator::images).sum();
            case ContentPart.Text t -> 0;
            case ContentPart.Thinking t -> 0;
            case ContentPart.ToolCall c -> 0;
        };
    }

    static long imageTokens(ImageSource source) {
        Optional<ImageSize> size = switch (source) {
            case ImageSource.Base64 b -> ImageSize.ofBase64(b.data());
            case ImageSource.Url u -> Optional.empty();
        };
        return size.map(TokenEstimator::imageTokens).orElse((long) MAX_IMAGE_TOKENS);
    }

    static long imageTokens(ImageSize size) {
        double width = size.width();
        double height = size.height();
        double longEdge = Math.max(width, height);
        if (longEdge > MAX_EDGE) {
            width = width * MAX_EDGE / longEdge;
            height = height * MAX_EDGE / longEdge;
        }
        return Math.min(MAX_IMAGE_TOKENS, (long) Math.ceil(width * height / 750));
    }

    private static long length(String text) {
        return text.codePointCount(0, text.length());
    }
}
