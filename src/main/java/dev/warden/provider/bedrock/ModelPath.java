package dev.warden.provider.bedrock;

/**
 * The Bedrock runtime paths. A model id is one path segment whatever it contains: the colon of a version
 * ({@code anthropic.claude-3-haiku-20240307-v1:0}) and the colons and slash of an inference-profile ARN are
 * percent-encoded, which is also what the AWS SDKs send.
 */
final class ModelPath {
    private ModelPath() {}

    static String converse(String modelId) {
        return "/model/" + encodeId(modelId) + "/converse";
    }

    static String converseStream(String modelId) {
        return "/model/" + encodeId(modelId) + "/converse-stream";
    }

    static String invoke(String modelId) {
        return "/model/" + encodeId(modelId) + "/invoke";
    }

    static String encodeId(String modelId) {
        return SigV4Signer.encode(modelId);
    }
}
