package dev.warden.server;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit. A declared Content-Length over the limit is refused before a byte is read;
 * a chunked body is refused as soon as it crosses the limit, so an oversized upload never fills memory.
 */
final class BodyReader {
    private final long limit;

    BodyReader(long limit) {
        this.limit = limit;
    }

    byte[] read(ServerRequest request) {
        var declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            if (declared.isPresent()) {
                // The usual case: read exactly the declared bytes, with no intermediate buffer or second copy.
                var body = in.readNBytes((int) declared.getAsLong());
                if (body.length < declared.getAsLong()) {
                    throw new ApiException(ApiError.InvalidRequest.of("The request body ended before its "
                            + "declared Content-Length.", null));
                }
                return body;
            }
            var out = new ByteArrayOutputStream(8192);
            var buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException(ApiError.InvalidRequest.of("The request body could not be read.", null), e);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(new ApiError.PayloadTooLarge(
                "The request body is larger than the gateway's limit of " + limit + " bytes."));
    }
}
