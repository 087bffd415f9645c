package dev.warden.api.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.Tool;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {
    private final AnthropicCodec codec = AnthropicCodec.create();

    private static ChatRequest request(List<Message> messages, List<Tool> tools) {
        return new ChatRequest("m", messages, Sampling.DEFAULTS, tools, null, null, null, false, false, null,
                Map.of());
    }

    @Test
    void countsCharactersOverFourPlusPerMessageOverhead() {
        // 8 + 12 = 20 characters -> 5 tokens, plus 2 messages x 4.
        var request = request(List.of(Message.text(Role.SYSTEM, "Be nice."), Message.text(Role.USER,
                "Hello, wörld")), List.of());

        assertThat(codec.estimateInputTokens(request)).isEqualTo(5 + 8);
    }

    @Test
    void countsToolDefinitionsCallsAndResultsRoundingUp() {
        var call = new ContentPart.ToolCall("t", "f", "{}");  // 3 chars
        var result = new ContentPart.ToolResult("t", List.of(new ContentPart.Text("ok")), false);  // 2 chars
        var tool = new Tool("f", "d", RawJson.of("{}"), null);  // 4 chars
        var request = request(List.of(new Message(Role.ASSISTANT, List.of(call), null),
                new Message(Role.TOOL, List.of(result), null)), List.of(tool));

        assertThat(codec.estimateInputTokens(request)).isEqualTo(3 + 8);  // ceil(9 / 4) = 3
    }

    @Test
    void imagesFollowAnthropicsFormulaWhenTheSizeIsReadable() {
        assertThat(TokenEstimator.imageTokens(new ImageSource.Base64("image/png", png(200, 150))))
                .isEqualTo(40);  // 200 * 150 / 750
        assertThat(TokenEstimator.imageTokens(new ImageSource.Base64("image/gif", gif(1000, 1000))))
                .isEqualTo(1334);  // ceil(1,000,000 / 750)
        assertThat(TokenEstimator.imageTokens(new ImageSource.Base64("image/jpeg", jpeg(300, 100))))
                .isEqualTo(40);
        assertThat(TokenEstimator.imageTokens(new ImageSource.Base64("image/png", png(4000, 3000))))
                .isEqualTo(TokenEstimator.MAX_IMAGE_TOKENS);
    }

    @Test
    void unknownImageSizeCountsTheDocumentedMaximum() {
        assertThat(TokenEstimator.imageTokens(new ImageSource.Url("https://example.com/a.png")))
                .isEqualTo(1600);
        assertThat(TokenEstimator.imageTokens(new ImageSource.Base64("image/png", "bm90IGFuIGltYWdl")))
                .isEqualTo(1600);
    }

    @Test
    void imageInsideAToolResultCountsToo() {
        var image = new ContentPart.Image(new ImageSource.Base64("image/png", png(75, 10)), null);
        var request = request(List.of(new Message(Role.TOOL, List.of(new ContentPart.ToolResult("t",
                List.of(image), false)), null)), List.of());

        assertThat(codec.estimateInputTokens(request)).isEqualTo(4 + 1);
    }

    @Test
    void readsWebpSizes() {
        byte[] vp8x = new byte[30];
        System.arraycopy("RIFF\0\0\0\0WEBPVP8X".getBytes(), 0, vp8x, 0, 16);
        vp8x[24] = (byte) 149;  // width - 1 = 149
        vp8x[27] = 49;          // height - 1 = 49
        assertThat(ImageSize.ofBase64(Base64.getEncoder().encodeToString(vp8x)))
                .contains(new ImageSize(150, 50));
    }

    static String png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        b.putInt(width).putInt(height);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static String gif(int width, int height) {
        byte[] b = {'G', 'I', 'F', '8', '9', 'a', (byte) width, (byte) (width >> 8), (byte) height,
                (byte) (height >> 8), 0, 0};
        return Base64.getEncoder().encodeToString(b);
    }

    /** SOI, an APP0 segment to skip, then SOF0 with the size. */
    static String jpeg(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 'J', 'F'});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (height >> 8), (byte) height,
                (byte) (width >> 8), (byte) width, 3, 0, 0, 0});
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
