package dev.vigil.alert;

import java.time.Instant;

/** An alert raised or cleared, with the finding (and its evidence) at that moment. */
public record AlertEvent(Kind kind, String cluster, Finding finding, Instant at) {
    public enum Kind { RAISED, CLEARED }
}
