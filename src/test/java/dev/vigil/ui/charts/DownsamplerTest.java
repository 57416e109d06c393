package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.monitor.history.Series;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final int HOUR = 3600;

    /** One point per second for {@code seconds}, noise around 100 from a fixed seed. */
    private static Series.Points noise(int seconds) {
        Random random = new Random(7);
        long[] t = new long[seconds];
        double[] v = new double[seconds];
        for (int i = 0; i < seconds; i++) {
            t[i] = T0 + 1000L * i;
            v[i] = 100 + 10 * random.nextGaussian();
        }
        return new Series.Points(t, v);
    }

    private static long end(Series.Points p) {
        return p.times()[p.size() - 1];
    }

    @Test
    void aOneSecondSpikeAndDipInAnHourSurviveSixHundredBuckets() {
        Series.Points p = noise(HOUR);
        p.values()[1234] = 5000;
        p.values()[2345] = -300;

        Series.Points kept = Downsampler.minMax(p, T0, end(p), 600);

        assertThat(kept.values()).contains(5000.0, -300.0);
        assertThat(Arrays.stream(kept.values()).max().orElseThrow()).isEqualTo(5000.0);
        assertThat(Arrays.stream(kept.values()).min().orElseThrow()).isEqualTo(-300.0);
        int i = Arrays.binarySearch(kept.times(), p.times()[1234]);
        assertThat(i).as("the spike keeps its own time").isNotNegative();
        assertThat(kept.values()[i]).isEqualTo(5000.0);
    }

    @Test
    void neverMoreThanTwoPointsPerBucketAndTimesStayAscendingAndInsideTheWindow() {
        Series.Points p = noise(HOUR);
        for (int buckets : new int[] {1, 7, 100, 333, 600, 1799}) {
            long from = T0 + 600_000;
            Series.Points kept = Downsampler.minMax(p, from, end(p), buckets);

            assertThat(kept.size()).as("buckets %d", buckets).isLessThanOrEqualTo(2 * buckets + 4);
            for (int i = 1; i < kept.size(); i++) {
                assertThat(kept.times()[i]).isGreaterThan(kept.times()[i - 1]);
            }
            assertThat(kept.times()[0]).as("one lead-in point before the window").isEqualTo(from - 1000);
            assertThat(kept.times()[1]).isGreaterThanOrEqualTo(from);
            assertThat(kept.times()[kept.size() - 1]).isEqualTo(end(p));
            assertThat(p.values()).contains(kept.values());
        }
    }

    @Test
    void everyBucketKeepsItsOwnExtremesAndTheLastOneAlsoTheNewestPoint() {
        Series.Points p = noise(HOUR);
        p.values()[HOUR - 1] = 100; // neither the lowest nor the highest of its bucket
        int buckets = 360; // ten seconds each, aligned to the epoch like T0
        Series.Points kept = Downsampler.minMax(p, T0, T0 + 3_600_000, buckets);

        assertThat(kept.times()[kept.size() - 1]).isEqualTo(end(p));
        assertThat(kept.values()[kept.size() - 1]).isEqualTo(100);
        for (int b = 0; b < buckets - 1; b++) {
            double[] raw = Arrays.copyOfRange(p.values(), b * 10, b * 10 + 10);
            double[] mine = valuesBetween(kept, T0 + b * 10_000L, T0 + b * 10_000L + 9_999);
            assertThat(mine).hasSize(2)
                    .contains(Arrays.stream(raw).max().orElseThrow(), Arrays.stream(raw).min().orElseThrow());
        }
    }

    @Test
    void fewerPointsThanBucketsComeBackAsTheyAre() {
        Series.Points p = noise(50);
        Series.Points kept = Downsampler.minMax(p, T0, end(p), 600);
        assertThat(kept.times()).containsExactly(p.times());
        assertThat(kept.values()).containsExactly(p.values());
    }

    @Test
    void emptyAndOutsideTheWindowGiveNothing() {
        Series.Points empty = new Series.Points(new long[0], new double[0]);
        assertThat(Downsampler.minMax(empty, T0, T0 + 1000, 10).size()).isZero();

        Series.Points later = noise(10);
        assertThat(Downsampler.minMax(later, T0 - 60_000, T0 - 1, 10).size()).isZero();
        assertThatThrownBy(() -> Downsampler.minMax(later, T0, T0 + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slidingTheWindowBySecondsKeepsThePictureOfThePast() {
        Series.Points p = noise(HOUR);
        long span = 1_800_000;
        Series.Points a = Downsampler.minMax(p, end(p) - span - 7000, end(p) - 7000, 300);
        Series.Points b = Downsampler.minMax(p, end(p) - span, end(p), 300);

        long from = end(p) - span + 60_000; // away from both windows' left edges
        long to = end(p) - 60_000;
        assertThat(valuesBetween(b, from, to)).containsExactly(valuesBetween(a, from, to));
    }

    @Test
    void aHoleLongerThanTheLimitBecomesABreak() {
        Series.Points p = new Series.Points(new long[] {0, 1000, 2000, 60_000, 61_000},
                new double[] {1, 2, 3, 4, 5});
        Series.Points broken = Downsampler.breakGaps(p, 5000);

        assertThat(broken.times()).containsExactly(0, 1000, 2000, 31_000, 60_000, 61_000);
        assertThat(broken.values()[3]).isNaN();
        assertThat(Downsampler.breakGaps(p, 60_000)).isSameAs(p);
    }

    private static double[] valuesBetween(Series.Points p, long from, long to) {
        return java.util.stream.IntStream.range(0, p.size()).filter(i -> p.times()[i] >= from && p.times()[i] <= to)
                .mapToDouble(i -> p.values()[i]).toArray();
    }
}
