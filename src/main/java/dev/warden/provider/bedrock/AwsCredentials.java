package dev.warden.provider.bedrock;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Static AWS credentials: an access key id and secret, and the session token that temporary (STS) credentials
 * come with. {@link #toString()} never shows the secret or the token.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("AWS access key id and secret must not be blank");
        }
        if (sessionToken != null && sessionToken.isBlank()) {
            sessionToken = null;
        }
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***, sessionToken="
                + (sessionToken == null ? "none" : "***") + "]";
    }
}
