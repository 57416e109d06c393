package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesColoursTest {

    @Test
    void waitClassesHaveFixedMeaningfulHues() {
        Map<String, Hue> hues = new SeriesColours().assign(List.of("CPU", "Lock", "LWLock", "IO", "Client", "IPC"));
        assertThat(hues).containsEntry("CPU", Hue.GREEN).containsEntry("Lock", Hue.RED)
                .containsEntry("LWLock", Hue.ORANGE).containsEntry("IO", Hue.BLUE);
        assertThat(new HashSet<>(hues.values())).hasSize(6);
    }

    @Test
    void otherNamesGetDistinctHuesThatStayPutAndAvoidRedAndGreen() {
        SeriesColours colours = new SeriesColours();
        List<String> standbys = List.of("pg2", "pg3", "pg4", "pg5", "replica-east", "replica-west");
        Map<String, Hue> first = colours.assign(standbys);
        assertThat(new HashSet<>(first.values())).hasSize(standbys.size()).doesNotContain(Hue.RED, Hue.GREEN);

        Map<String, Hue> later = colours.assign(List.of("pg9", "pg3", "pg2"));
        assertThat(later.get("pg2")).isEqualTo(first.get("pg2"));
        assertThat(later.get("pg3")).isEqualTo(first.get("pg3"));
        assertThat(later.get("pg9")).isNotIn(later.get("pg2"), later.get("pg3"));
    }

    @Test
    void waitClassesStackCpuFirstAndUnknownClassesLast() {
        assertThat(SeriesColours.stackOrder(List.of("Timeout", "Lock", "Zeta", "CPU", "Alpha", "IO", "LWLock")))
                .containsExactly("CPU", "IO", "LWLock", "Lock", "Timeout", "Alpha", "Zeta");
    }

    @Test
    void eachThemeHasEveryHueAndTellsDarkFromLight() {
        for (ChartTheme theme : List.of(ChartTheme.PRIMER_DARK, ChartTheme.PRIMER_LIGHT)) {
            for (Hue hue : Hue.values()) {
                assertThat(theme.colour(hue)).as("%s %s", theme, hue).isNotNull();
            }
        }
        assertThat(ChartTheme.forBackground(javafx.scene.paint.Color.web("#0d1117"))).isEqualTo(ChartTheme.PRIMER_DARK);
        assertThat(ChartTheme.forBackground(javafx.scene.paint.Color.WHITE)).isEqualTo(ChartTheme.PRIMER_LIGHT);
    }
}
