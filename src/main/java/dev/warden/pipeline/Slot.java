package dev.warden.pipeline;

/**
 * The order of the request path, written once. Each stage occupies one slot; the pipeline runs them in this
 * order, each wrapping the ones after it, so a stage's after-step (settle after reserve, guard output around
 * invoke) runs only if its before-step ran. Slots without a stage are simply skipped: later capabilities plug
 * in here without touching the order.
 */
public enum Slot {
    /** Outermost: sees every outcome, including rejections by later stages, and queues the request record. */
    RECORD,
    /** Master key, virtual key or JWT → principal; before the body is even parsed. */
    AUTHENTICATE,
    /** The dialect's wire body → canonical operation. */
    DECODE,
    /** Model allowlists, endpoint restrictions, RBAC, policy. */
    AUTHORIZE,
    /** Request and token rate limits, concurrency. */
    LIMIT,
    /** Budget reservation before, settlement after. */
    BUDGET,
    /** Input guardrails: unicode, injection, PII. */
    GUARD_INPUT,
    /** Logical model → deployment. */
    ROUTE,
    /** Output guardrails around the call, stream-aware. */
    GUARD_OUTPUT,
    /** Fills in token usage the upstream did not report (counted, marked estimated), for budgets and spend. */
    METER,
    /** Innermost: the upstream call. */
    INVOKE
}
