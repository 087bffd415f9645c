package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.testkit.BedrockEventStreamEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/** The decoder against frames encoded by AWS's own eventstream library, and against corruption. */
class EventStreamReaderTest {

    private static byte[] library(Map<String, HeaderValue> headers, String payload) {
        var out = new ByteArrayOutputStream();
        new Message(headers, payload.getBytes(StandardCharsets.UTF_8)).encode(out);
        return out.toByteArray();
    }

    private static Map<String, HeaderValue> eventHeaders(String type) {
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        return headers;
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    private static InputStream dribble(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void decodesFramesEncodedByTheAwsLibraryReadInSmallPieces() throws IOException {
        var first = library(eventHeaders("messageStart"), "{\"role\":\"assistant\"}");
        var second = library(eventHeaders("contentBlockDelta"), "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hé\"}}");
        var reader = new EventStreamReader(dribble(concat(first, second), 3));
        var one = reader.next();
        assertThat(one.headers()).containsEntry(":event-type", "messageStart").containsEntry(":message-type", "event");
        assertThat(one.payloadText()).isEqualTo("{\"role\":\"assistant\"}");
        var two = reader.next();
        assertThat(two.header(":event-type")).isEqualTo("contentBlockDelta");
        assertThat(two.payloadText()).contains("Hé");
        assertThat(reader.next()).isNull();
        assertThat(reader.state()).isEqualTo(EventStreamReader.State.ENDED);
    }

    @Test
    void decodesEveryHeaderType() throws IOException {
        var uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put("t", HeaderValue.fromBoolean(true));
        headers.put("f", HeaderValue.fromBoolean(false));
        // No byte or short headers (types 2, 3): eventstream 1.0.1 writes their type but not their value, so it
        // cannot be the oracle for them; Bedrock never sends them.
        headers.put("i", HeaderValue.fromInteger(70000));
        headers.put("l", HeaderValue.fromLong(1L << 40));
        headers.put("bytes", HeaderValue.fromByteArray(new byte[] {1, 2, 3}));
        headers.put("str", HeaderValue.fromString("välue"));
        headers.put("ts", HeaderValue.fromTimestamp(Instant.parse("2025-01-15T10:00:00.123Z")));
        headers.put("uuid", HeaderValue.fromUuid(uuid));
        var frame = new EventStreamReader(new ByteArrayInputStream(library(headers, ""))).next();
        assertThat(frame.headers()).containsExactlyInAnyOrderEntriesOf(Map.of("t", "true", "f", "false",
                "i", "70000", "l", Long.toString(1L << 40), "bytes", "AQID", "str", "välue",
                "ts", "2025-01-15T10:00:00.123Z", "uuid", uuid.toString()));
        assertThat(frame.payload()).isEmpty();
    }

    @Test
    void ourTestEncoderIsByteIdenticalToTheLibrary() {
        var headers = new LinkedHashMap<String, HeaderValue>();
        headers.put(":event-type", HeaderValue.fromString("messageStop"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        assertThat(BedrockEventStreamEncoder.event("messageStop", "{\"stopReason\":\"end_turn\"}"))
                .isEqualTo(library(headers, "{\"stopReason\":\"end_turn\"}"));
    }

    @Test
    void aCorruptPreludeCrcIsRejectedBeforeTheLengthsAreTrusted() {
        var frame = library(eventHeaders("messageStart"), "{}");
        frame[2] ^= 0x7f; // the total length: without the CRC check the reader would wait for megabytes
        var reader = new EventStreamReader(new ByteArrayInputStream(frame));
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(EventStreamException.class, e -> {
            assertThat(e.truncated()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Prelude CRC mismatch in upstream eventstream frame 0.");
        });
    }

    @Test
    void aCorruptPayloadFailsTheMessageCrc() throws IOException {
        var good = library(eventHeaders("messageStart"), "{}");
        var bad = library(eventHeaders("contentBlockDelta"), "{\"delta\":{\"text\":\"abc\"}}");
        bad[bad.length - 8] ^= 0x01;
        var reader = new EventStreamReader(new ByteArrayInputStream(concat(good, bad)));
        assertThat(reader.next()).isNotNull();
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(EventStreamException.class, e -> {
            assertThat(e.truncated()).isFalse();
            assertThat(e.getMessage()).isEqualTo("Message CRC mismatch in upstream eventstream frame 1.");
        });
    }

    @Test
    void anEndInsideAFrameIsATruncation() {
        var frame = library(eventHeaders("messageStart"), "{}");
        for (int cut : new int[] {5, 12, frame.length - 1}) {
            var reader = new EventStreamReader(new ByteArrayInputStream(java.util.Arrays.copyOf(frame, cut)));
            assertThatThrownBy(reader::next).as("cut at " + cut).isInstanceOfSatisfying(EventStreamException.class,
                    e -> assertThat(e.truncated()).isTrue());
        }
    }

    @Test
    void impossibleLengthsWithAValidPreludeCrcAreCorrupt() {
        var bytes = new byte[16];
        java.nio.ByteBuffer.wrap(bytes).putInt(16).putInt(8); // headers longer than the frame has room for
        var crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, 8);
        java.nio.ByteBuffer.wrap(bytes).putInt(8, (int) crc.getValue());
        assertThatThrownBy(new EventStreamReader(new ByteArrayInputStream(bytes))::next)
                .isInstanceOfSatisfying(EventStreamException.class, e -> {
                    assertThat(e.truncated()).isFalse();
                    assertThat(e.getMessage()).startsWith("Impossible lengths");
                });
    }
}
