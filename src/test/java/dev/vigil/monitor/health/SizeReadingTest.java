package dev.vigil.monitor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SizeReadingTest {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    private static SizeReading.Sizes at(Duration after, long shop, long orders) {
        return new SizeReading.Sizes(T0.plus(after), List.of(new SizeReading.Database("shop", shop)),
                List.of(new SizeReading.Table("shop", "orders", orders, orders, 0)));
    }

    @Test
    void growthPerHourIsMeasuredOnceTenMinutesOfReadingsExist() {
        SizeReading r = SizeReading.next(Optional.empty(), at(Duration.ZERO, 1_000_000, 500_000));
        assertThat(r.databaseGrowth("shop")).isEmpty();
        r = SizeReading.next(Optional.of(r), at(Duration.ofMinutes(5), 1_100_000, 550_000));
        assertThat(r.databaseGrowth("shop")).as("five minutes are too few").isEmpty();
        r = SizeReading.next(Optional.of(r), at(Duration.ofMinutes(30), 1_600_000, 500_000));
        assertThat(r.databaseGrowth("shop")).hasValueSatisfying(g -> {
            assertThat(g.bytesPerHour()).isEqualTo(1_200_000.0);
            assertThat(g.over()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(r.tableGrowth("shop", "orders")).hasValueSatisfying(g -> assertThat(g.bytesPerHour()).isZero());
        assertThat(r.tableGrowth("shop", "missing")).isEmpty();
    }
}
