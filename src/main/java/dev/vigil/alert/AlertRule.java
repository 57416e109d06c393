package dev.vigil.alert;

import java.util.List;

/** Looks at one observation and says what is wrong now; the engine turns that into raised and cleared alerts. */
public interface AlertRule {
    String id();

    List<Finding> evaluate(Observation observation);
}
