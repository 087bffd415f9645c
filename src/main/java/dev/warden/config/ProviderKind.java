package dev.warden.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which upstream protocol a deployment speaks; the YAML key {@code provider} takes the {@link #yamlName()}. */
public enum ProviderKind {
    /** api.openai.com (or a proxy of it). */
    OPENAI("openai"),
    /** Azure OpenAI: deployment-scoped URLs, {@code api-key} header and an {@code api-version} parameter. */
    AZURE_OPENAI("azure"),
    /** Any server with an OpenAI-style API: vLLM, SGLang, TRT-LLM, llama.cpp, Groq, Mistral, ... */
    OPENAI_COMPATIBLE("openai-compatible"),
    /** The built-in demo upstream that repeats the last message; no network. */
    ECHO("echo"),
    /** Anthropic's Messages API. */
    ANTHROPIC("anthropic"),
    /** AWS Bedrock Converse (chat) and InvokeModel (embeddings), signed with SigV4 or a Bedrock API key. */
    BEDROCK("bedrock"),
    /** Google's Generative Language API (Gemini with an API key). */
    GEMINI("gemini"),
    /** Gemini on Vertex AI (project, location, bearer token). */
    VERTEX("vertex"),
    /** Ollama's native API. */
    OLLAMA("ollama");

    private final String yamlName;

    ProviderKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<ProviderKind> fromYamlName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(name)).findFirst();
    }

    /** All YAML names, in declaration order. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(ProviderKind::yamlName).toList();
    }
}
