package dev.warden.provider.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a Bedrock deployment needs besides its {@link dev.warden.provider.Endpoint}.
 *
 * @param region the AWS region the requests are signed for (us-east-1...); it must match the endpoint's host
 * @param credentials static keys for SigV4 signing; exactly one of this and {@code bearerToken}
 * @param bearerToken a Bedrock API key, sent as {@code Authorization: Bearer}; exactly one of this and
 *                    {@code credentials}
 * @param defaultMaxTokens sent as {@code inferenceConfig.maxTokens} when the client gave none, so every model
 *                         answers with the same bound whatever its own default
 */
public record BedrockSettings(String region, @Nullable AwsCredentials credentials, @Nullable String bearerToken,
        int defaultMaxTokens) {
    public BedrockSettings {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            bearerToken = null;
        }
        if ((credentials == null) == (bearerToken == null)) {
            throw new IllegalArgumentException("exactly one of credentials and bearerToken must be given");
        }
        if (defaultMaxTokens < 1) {
            throw new IllegalArgumentException("defaultMaxTokens must be positive: " + defaultMaxTokens);
        }
    }

    /** The credentials an error message must never repeat, for the provider core's scrubber. */
    List<String> secrets() {
        var secrets = new ArrayList<String>();
        if (bearerToken != null) {
            secrets.add(bearerToken);
        }
        if (credentials != null) {
            secrets.add(credentials.accessKeyId());
            secrets.add(credentials.secretAccessKey());
            if (credentials.sessionToken() != null) {
                secrets.add(credentials.sessionToken());
            }
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "BedrockSettings[region=" + region + ", auth=" + (credentials != null ? "sigv4" : "bearer")
                + ", defaultMaxTokens=" + defaultMaxTokens + "]";
    }
}
