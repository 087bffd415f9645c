package dev.warden.budget;

import java.util.List;

/** The outcome of settling a call: the thresholds its spend made cross, each reported by exactly one settle. */
public record Settlement(List<ThresholdCrossing> crossed) {
    public static final Settlement NONE = new Settlement(List.of());

    public Settlement {
        crossed = List.copyOf(crossed);
    }
}
