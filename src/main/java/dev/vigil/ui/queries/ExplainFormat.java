package dev.vigil.ui.queries;

import dev.vigil.ops.explain.PlanNode;
import java.util.Locale;
import java.util.OptionalDouble;

/** How plan numbers read: rows with thousands separators, costs as PostgreSQL prints them, times to the µs. */
final class ExplainFormat {
    static final String NONE = "–";

    private ExplainFormat() {}

    static String rows(double rows) {
        return rows == Math.rint(rows) ? String.format(Locale.ROOT, "%,.0f", rows)
                : String.format(Locale.ROOT, "%,.2f", rows);
    }

    static String cost(double cost) {
        return String.format(Locale.ROOT, "%,.2f", cost);
    }

    /** 0.018, 4.83, 29.9, 1,234: three significant digits below 100 ms, whole milliseconds above. */
    static String ms(double ms) {
        if (ms == 0) {
            return "0";
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f", ms);
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%,.0f", ms);
    }

    static String ms(OptionalDouble ms) {
        return ms.isPresent() ? ms(ms.getAsDouble()) : NONE;
    }

    /** "12× more" or "12× fewer" than estimated; whole numbers from ten up. */
    static String factor(double factor) {
        double times = factor >= 1 ? factor : 1 / factor;
        String number = times >= 10 ? String.format(Locale.ROOT, "%,.0f", times)
                : String.format(Locale.ROOT, "%.1f", times);
        return number + "×";
    }

    /** The actual rows cell: rows per loop, and a flag when the estimate was ten times off or more. */
    static String actualRows(PlanNode node) {
        if (node.actual().isEmpty()) {
            return NONE;
        }
        if (node.neverExecuted()) {
            return "never ran";
        }
        String rows = rows(node.actual().get().rows());
        if (!node.isMisestimated()) {
            return rows;
        }
        double factor = node.rowEstimateFactor().getAsDouble();
        return rows + (factor > 1 ? "  ▲ " : "  ▼ ") + factor(factor);
    }

    static String misestimateExplanation(PlanNode node) {
        double factor = node.rowEstimateFactor().orElse(1);
        return "Estimated " + rows(node.planRows()) + " rows per loop, got " + rows(node.actual().get().rows())
                + ": " + factor(factor) + (factor > 1 ? " more" : " fewer") + " than the planner expected.";
    }

    /**
     * The line of {@code statement} holding the 1-based character {@code position}, with a caret under it, the way
     * psql shows where an error is: "LINE 2: WHERE x = 1 ORDER status" and "^" below "status".
     */
    static String pointAt(String statement, int position) {
        int index = Math.min(Math.max(position - 1, 0), statement.length());
        int lineStart = statement.lastIndexOf('\n', index - 1) + 1;
        int lineEnd = statement.indexOf('\n', index);
        String line = statement.substring(lineStart, lineEnd < 0 ? statement.length() : lineEnd);
        long lineNumber = statement.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        String label = "LINE " + lineNumber + ": ";
        // tabs stay tabs under the line, so the caret lines up however wide they are drawn
        String under = line.substring(0, index - lineStart).replaceAll("[^\t]", " ");
        return label + line + "\n" + " ".repeat(label.length()) + under + "^";
    }
}
