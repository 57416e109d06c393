package dev.vigil.ui.charts;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The colours of a chart on one AtlantaFX theme: text and grid from the Primer palette, and one shade per
 * {@link Hue} chosen for contrast on that background (the light theme's shades are darker).
 */
public record ChartTheme(String name, boolean dark, Color text, Color mutedText, Color grid, Color axisLine,
                         Map<Hue, Color> hues) {

    public static final ChartTheme PRIMER_DARK = new ChartTheme("Primer Dark", true,
            Color.web("#c9d1d9"), Color.web("#8b949e"), Color.web("#30363d", 0.7), Color.web("#484f58"),
            hues("#73bf69", "#5794f2", "#f2495c", "#ff9830", "#f2cc0c", "#b877d9", "#4fc1d0", "#ff7eb6", "#c49a6c",
                    "#8b949e"));

    public static final ChartTheme PRIMER_LIGHT = new ChartTheme("Primer Light", false,
            Color.web("#24292f"), Color.web("#57606a"), Color.web("#d0d7de", 0.8), Color.web("#afb8c1"),
            hues("#2f8f3a", "#1f60c4", "#d0202f", "#e0620b", "#b08800", "#8f3bb8", "#0a8599", "#c2337a", "#8a5a2b",
                    "#6e7781"));

    public ChartTheme {
        hues = Map.copyOf(hues);
    }

    public Color colour(Hue hue) {
        return hues.get(hue);
    }

    /** Dark or light by the brightness of the background the theme paints behind everything. */
    public static ChartTheme forBackground(Color background) {
        return background.getBrightness() < 0.5 ? PRIMER_DARK : PRIMER_LIGHT;
    }

    private static Map<Hue, Color> hues(String... web) {
        Map<Hue, Color> map = new EnumMap<>(Hue.class);
        Hue[] all = Hue.values();
        for (int i = 0; i < all.length; i++) {
            map.put(all[i], Color.web(web[i]));
        }
        return map;
    }

    @Override
    public String toString() {
        return name;
    }
}
