package dev.vigil.ui.charts;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A region that knows whether it sits on a dark or a light AtlantaFX theme. Its stylesheet resolves the theme's
 * {@code -color-bg-default} into a CSS property of its own, so a chart follows a theme switch by itself, with no
 * wiring from the window; canvases cannot be styled by CSS, so this is how their colours learn the theme.
 */
abstract class ThemedRegion extends Region {
    private static final StyleablePropertyFactory<ThemedRegion> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final String STYLESHEET = ThemedRegion.class.getResource("charts.css").toExternalForm();

    private final StyleableProperty<Color> themeBackground = CSS.createStyleableColorProperty(this,
            "themeBackground", "-vigil-theme-background", r -> r.themeBackground, Color.web("#0d1117"));
    private final ReadOnlyObjectWrapper<ChartTheme> theme = new ReadOnlyObjectWrapper<>(ChartTheme.PRIMER_DARK);

    @SuppressWarnings("unchecked")
    ThemedRegion() {
        getStyleClass().add("vigil-chart");
        ((ObservableValue<Color>) themeBackground).addListener((o, was, now) -> theme.set(ChartTheme.forBackground(now)));
    }

    /** The palette in use; changes when the application's theme goes from dark to light or back. */
    public final ReadOnlyObjectProperty<ChartTheme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public final ChartTheme theme() {
        return theme.get();
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
