package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.history.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackedWindowTest {

    private static Series.Points seconds(int from, double... values) {
        long[] t = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            t[i] = (from + i) * 1000L;
        }
        return new Series.Points(t, values);
    }

    @Test
    void aLayerThatStartsLaterCountsZeroBeforeItsFirstPoint() {
        Series.Points cpu = seconds(0, 2, 3, 4, 5);
        Series.Points lock = seconds(2, 7, 9);

        StackedWindow w = StackedWindow.of(List.of(cpu, lock), 0, 3000, 100);

        assertThat(w.times()).containsExactly(0, 1000, 2000, 3000);
        assertThat(w.layers()[0]).containsExactly(2, 3, 4, 5);
        assertThat(w.layers()[1]).containsExactly(0, 0, 7, 9);
    }

    @Test
    void keepsOnePointBeforeTheWindowAndNothingAfter() {
        Series.Points cpu = seconds(0, 1, 2, 3, 4, 5, 6);
        StackedWindow w = StackedWindow.of(List.of(cpu), 2000, 4000, 100);
        assertThat(w.times()).containsExactly(1000, 2000, 3000, 4000);
    }

    @Test
    void anHourInSixtyBucketsIsSixtyStacksOfMinuteMeansAndKeepsASustainedPileUp() {
        double[] cpu = new double[3600];
        double[] lock = new double[3600];
        for (int s = 0; s < 3600; s++) {
            cpu[s] = s % 2 == 0 ? 2 : 4; // mean 3
            lock[s] = s >= 1200 && s < 1320 ? 20 : 0; // two whole minutes of 20 sessions waiting on locks
        }
        StackedWindow w = StackedWindow.of(List.of(seconds(0, cpu), seconds(0, lock)), 0, 3_599_000, 60);

        assertThat(w.times()).hasSize(60);
        assertThat(w.layers()[0]).containsOnly(3.0);
        assertThat(w.layers()[1][20]).isEqualTo(20.0);
        assertThat(w.layers()[1][21]).isEqualTo(20.0);
        assertThat(w.layers()[1][19]).isZero();
        assertThat(w.times()[20]).isEqualTo(1_229_500); // the mean instant of minute 20's points
    }

    @Test
    void nothingInTheWindowIsAnEmptyStack() {
        StackedWindow w = StackedWindow.of(List.of(seconds(0)), 0, 1000, 10);
        assertThat(w.times()).isEmpty();
        assertThat(w.layers()[0]).isEmpty();
    }
}
