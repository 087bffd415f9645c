package dev.warden.budget;

/** Tells someone a budget threshold was crossed. Must return at once: it is called right after a settle. */
public interface WebhookNotifier {

    /** Queues the notice; never blocks and never throws for a delivery problem. */
    void notify(ThresholdCrossing crossing);
}
