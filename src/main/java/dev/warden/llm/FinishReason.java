package dev.warden.llm;

/** Why the model stopped. Each dialect maps its own vocabulary onto these and back. */
public enum FinishReason {
    /** A natural end or a stop sequence. */
    STOP,
    /** The output token limit was reached. */
    LENGTH,
    /** The model stopped to call tools. */
    TOOL_CALLS,
    /** A provider's safety system withheld or cut the answer. */
    CONTENT_FILTER
}
