package dev.warden.llm;

/** Who authored a message. {@code DEVELOPER} is OpenAI's newer name for system instructions and kept distinct. */
public enum Role {
    SYSTEM, DEVELOPER, USER, ASSISTANT, TOOL
}
