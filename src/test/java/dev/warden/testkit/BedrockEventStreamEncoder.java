package dev.warden.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes AWS eventstream frames (string headers only, which is all Bedrock sends), for the fake upstream and for
 * tests. Written from the framing spec, independent of the decoder under test; the decoder's tests also check it
 * against frames encoded by AWS's own eventstream library.
 */
public final class BedrockEventStreamEncoder {
    private BedrockEventStreamEncoder() {}

    /** One frame: prelude (total length, headers length, CRC32), headers, payload, CRC32 of all before. */
    public static byte[] frame(Map<String, String> headers, byte[] payload) {
        var head = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            var n = name.getBytes(StandardCharsets.UTF_8);
            var v = value.getBytes(StandardCharsets.UTF_8);
            head.write(n.length);
            head.writeBytes(n);
            head.write(7); // string
            head.write(v.length >>> 8);
            head.write(v.length & 0xff);
            head.writeBytes(v);
        });
        var headerBytes = head.toByteArray();
        int total = 12 + headerBytes.length + payload.length + 4;
        var out = ByteBuffer.allocate(total);
        out.putInt(total).putInt(headerBytes.length);
        out.putInt((int) crc(out.array(), 8));
        out.put(headerBytes).put(payload);
        out.putInt((int) crc(out.array(), total - 4));
        return out.array();
    }

    /** A ConverseStream event frame with a JSON payload. */
    public static byte[] event(String eventType, String json) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        return frame(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An exception frame, as Bedrock sends throttling or model errors mid-stream. */
    public static byte[] exception(String exceptionType, String message) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "exception");
        var json = FakeAnswers.JSON.createObjectNode().put("message", message).toString();
        return frame(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private static long crc(byte[] bytes, int length) {
        var crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
