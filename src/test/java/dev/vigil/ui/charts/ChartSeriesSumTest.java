package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.history.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChartSeriesSumTest {

    private static Series.Points points(long[] t, double[] v) {
        return new Series.Points(t, v);
    }

    @Test
    void sumsPointWiseByTimeAndALaterSeriesAddsFromItsFirstPointOn() {
        Series.Points cpu = points(new long[] {1000, 2000, 3000}, new double[] {1, 2, 3});
        Series.Points io = points(new long[] {2000, 3000, 4000}, new double[] {10, 20, 30});

        Series.Points total = ChartSeries.sum(List.of(cpu, io));

        assertThat(total.times()).containsExactly(1000, 2000, 3000, 4000);
        assertThat(total.values()).containsExactly(1, 12, 23, 30);
    }

    @Test
    void nothingToSumIsNoPoints() {
        assertThat(ChartSeries.sum(List.of()).size()).isZero();
        assertThat(ChartSeries.sum(List.of(points(new long[0], new double[0]))).size()).isZero();
    }

    @Test
    void agreesWithASumByTimestampOnRandomSeries() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<Series.Points> all = new ArrayList<>();
            TreeMap<Long, Double> expected = new TreeMap<>();
            for (int s = 0; s < 1 + random.nextInt(8); s++) {
                int n = random.nextInt(200);
                long[] t = new long[n];
                double[] v = new double[n];
                long at = random.nextInt(50) * 1000L;
                for (int i = 0; i < n; i++) {
                    at += 1000L * random.nextInt(3); // gaps, and now and then the same second twice
                    t[i] = at;
                    v[i] = random.nextInt(100) / 4.0;
                    expected.merge(at, v[i], Double::sum);
                }
                all.add(points(t, v));
            }

            Series.Points total = ChartSeries.sum(all);

            assertThat(total.times()).containsExactly(expected.keySet().stream().mapToLong(Long::longValue).toArray());
            assertThat(total.values()).containsExactly(expected.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
