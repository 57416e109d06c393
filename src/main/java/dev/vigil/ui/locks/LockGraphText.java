package dev.vigil.ui.locks;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Measures and shortens text for the canvas. Laying out a {@link Text} node per string would cost more than the
 * whole paint, so each font's character widths are measured once and strings are summed from them (kerning is
 * ignored, hence a small safety margin when fitting).
 */
final class LockGraphText {
    private static final String ELLIPSIS = "…";
    private static final double MARGIN = 2;
    private final Font font;
    private final double[] ascii = new double[128];
    private final Map<Character, Double> others = new HashMap<>();
    private final Text probe = new Text();

    LockGraphText(Font font) {
        this.font = font;
        probe.setFont(font);
        for (char c = 32; c < 127; c++) {
            ascii[c] = measure(String.valueOf(c));
        }
    }

    Font font() {
        return font;
    }

    double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += width(s.charAt(i));
        }
        return w;
    }

    /** {@code s}, or as much of it as fits in {@code max} followed by an ellipsis. */
    String fit(String s, double max) {
        if (width(s) + MARGIN <= max) {
            return s;
        }
        double budget = max - MARGIN - width(ELLIPSIS.charAt(0));
        double w = 0;
        int end = 0;
        while (end < s.length() && w + width(s.charAt(end)) <= budget) {
            w += width(s.charAt(end));
            end++;
        }
        return s.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private double width(char c) {
        if (c < 128) {
            return ascii[c];
        }
        return others.computeIfAbsent(c, k -> measure(String.valueOf(k)));
    }

    private double measure(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
