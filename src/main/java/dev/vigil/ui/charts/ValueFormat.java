package dev.vigil.ui.charts;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the numbers of a value axis read: tick labels and the tick sizes worth offering. Bytes tick on powers of two
 * (256 MiB, 512 MiB, 768 MiB, 1 GiB) so no label reads "190.7 MiB"; durations tick on clock steps.
 */
public enum ValueFormat {
    /** Counts and rates as they are; 10,000 and up as k, 10 million and up as M. */
    PLAIN,
    /** A ratio from 0 to 1, shown as a percentage. */
    PERCENT,
    /** Bytes in binary (IEC) units: B, KiB, MiB, GiB, TiB. */
    BYTES,
    /** A duration given in seconds: ms below one second, s, min, h. */
    SECONDS;

    private static final String[] IEC = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final double[] DECIMAL_STEPS = steps(1e-3, 1e12, 1, 2, 5);
    private static final double[] PERCENT_STEPS = steps(1e-5, 0.5, 1, 2, 2.5, 5);
    private static final double[] BYTE_STEPS = powersOfTwo(0, 55);
    private static final double[] SECOND_STEPS = {
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5,
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800,
        3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800
    };

    /** Tick sizes to choose from, smallest first. */
    double[] tickSteps() {
        return switch (this) {
            case PLAIN -> DECIMAL_STEPS;
            case PERCENT -> PERCENT_STEPS;
            case BYTES -> BYTE_STEPS;
            case SECONDS -> SECOND_STEPS;
        };
    }

    /** The smallest span an axis shows, so an all-zero series still gets a readable scale. */
    double minimumSpan() {
        return switch (this) {
            case PLAIN, SECONDS -> 1;
            case PERCENT -> 0.01;
            case BYTES -> 1024;
        };
    }

    /** A value on its own, about three significant digits in the unit it is shown in: for readouts. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        double unit = displayUnit(abs);
        double step = abs == 0 ? 1 : unit * Math.pow(10, Math.floor(Math.log10(abs / unit)) - 2);
        return label(value, step, abs);
    }

    /** What one displayed unit is worth: 1 GiB for 1.5 GiB, a minute for 5 min, 0.01 for a percent. */
    private double displayUnit(double abs) {
        return switch (this) {
            case PLAIN -> abs >= 1e7 ? 1e6 : abs >= 1e4 ? 1e3 : 1;
            case PERCENT -> 0.01;
            case BYTES -> abs < 1024 ? 1 : Math.pow(1024, Math.min(IEC.length - 1,
                    Math.floor(Math.log(abs) / Math.log(1024))));
            case SECONDS -> abs > 0 && abs < 1 ? 0.001 : abs < 60 ? 1 : abs < 3600 ? 60 : 3600;
        };
    }

    /**
     * A tick label: {@code step} is the distance between ticks, which says how many decimals are worth printing;
     * {@code axisMax} picks one k/M suffix for a whole plain axis.
     */
    String label(double value, double step, double axisMax) {
        double v = value == 0 ? 0 : value; // no "-0"
        return switch (this) {
            case PLAIN -> plain(v, step, axisMax);
            case PERCENT -> number(v * 100, step * 100) + "%";
            case BYTES -> bytes(v, step);
            case SECONDS -> seconds(v, step);
        };
    }

    private static String plain(double v, double step, double axisMax) {
        if (axisMax >= 1e7) {
            return number(v / 1e6, step / 1e6) + "M";
        }
        if (axisMax >= 1e4) {
            return number(v / 1e3, step / 1e3) + "k";
        }
        return number(v, step);
    }

    private static String bytes(double v, double step) {
        int unit = 0;
        double scaled = v;
        while (Math.abs(scaled) >= 1024 && unit < IEC.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return number(scaled, step / Math.pow(1024, unit)) + " " + IEC[unit];
    }

    private static String seconds(double v, double step) {
        double abs = Math.abs(v);
        if (abs > 0 && abs < 1) {
            return number(v * 1000, step * 1000) + " ms";
        }
        if (abs < 60) {
            return number(v, step) + " s";
        }
        if (abs < 3600) {
            return number(v / 60, step / 60) + " min";
        }
        return number(v / 3600, step / 3600) + " h";
    }

    /** As many decimals as the step needs (at most three), trailing zeros dropped. */
    private static String number(double value, double step) {
        int decimals = 0;
        double s = Math.abs(step);
        while (decimals < 3 && s > 0 && Math.abs(s - Math.rint(s)) > 1e-9 * Math.max(1, s)) {
            s *= 10;
            decimals++;
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.indexOf('.') >= 0) {
            text = new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        return text.equals("-0") ? "0" : text;
    }

    private static double[] steps(double from, double to, double... mantissas) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (double decade = from; decade <= to * 1.0001; decade *= 10) {
            for (double m : mantissas) {
                double step = Double.parseDouble(String.format(Locale.ROOT, "%.6g", m * decade));
                if (step <= to * 1.0001) {
                    out.add(step);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] powersOfTwo(int from, int to) {
        double[] out = new double[to - from + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.pow(2, from + i);
        }
        return out;
    }
}
