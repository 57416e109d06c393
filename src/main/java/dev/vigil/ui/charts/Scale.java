package dev.vigil.ui.charts;

import java.util.List;
import java.util.Objects;

/**
 * A value axis: its label (with the unit, e.g. "transactions/s"), how its numbers read, and how its range is found.
 * By default the range runs from zero to a little above the highest value (and the limit line, if any), rounded up
 * to a whole tick. {@link #nearCeiling} suits a ratio that lives near its top, such as a cache hit ratio.
 */
public record Scale(String label, ValueFormat format, double ceiling, List<Double> floors) {

    public Scale {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(format, "format");
        floors = List.copyOf(floors);
    }

    public static Scale of(String label, ValueFormat format) {
        return new Scale(label, format, Double.NaN, List.of());
    }

    /**
     * A fixed top at {@code ceiling} and a bottom at the highest of {@code floors} that still shows every value: a hit
     * ratio between 99% and 100% is drawn on 90–100%, so its wobble is visible without looking like a cliff, and a
     * dip to 85% widens the axis to the next floor.
     */
    public Scale nearCeiling(double ceiling, double... floors) {
        return new Scale(label, format, ceiling, java.util.Arrays.stream(floors).boxed().sorted().toList());
    }

    boolean fixedTop() {
        return !Double.isNaN(ceiling);
    }

    /** The word a legend appends when a chart has two value axes. */
    String unitWord() {
        return switch (format) {
            case PLAIN -> label;
            case PERCENT -> "%";
            case BYTES -> "bytes";
            case SECONDS -> "seconds";
        };
    }
}
