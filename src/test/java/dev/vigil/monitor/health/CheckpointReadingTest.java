package dev.vigil.monitor.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointReadingTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    static CheckpointReading.Counters at(Duration after, long timed, long requested) {
        return new CheckpointReading.Counters(T0.plus(after), timed, requested, 0, 0, 0, 0, 0,
                Optional.of(T0.minus(Duration.ofHours(5))), 1024, 300);
    }

    @Test
    void theFirstReadingCountsSinceTheStatisticsReset() {
        CheckpointReading first = CheckpointReading.next(Optional.empty(), at(Duration.ZERO, 50, 10));
        assertThat(first.tally()).isEqualTo(new CheckpointReading.Tally(50, 10, Duration.ofHours(5), true));
    }

    @Test
    void laterReadingsCountFromTheWindowStartUntilItIsOlderThanAnHour() {
        CheckpointReading r = CheckpointReading.next(Optional.empty(), at(Duration.ZERO, 50, 10));
        r = CheckpointReading.next(Optional.of(r), at(Duration.ofMinutes(30), 52, 15));
        assertThat(r.tally()).isEqualTo(new CheckpointReading.Tally(2, 5, Duration.ofMinutes(30), false));
        r = CheckpointReading.next(Optional.of(r), at(Duration.ofMinutes(59), 53, 18));
        assertThat(r.windowStart().orElseThrow().at()).isEqualTo(T0);
        r = CheckpointReading.next(Optional.of(r), at(Duration.ofMinutes(61), 53, 19));
        // the start moved to the previous reading: the window stays between one and two hours long
        assertThat(r.windowStart().orElseThrow().at()).isEqualTo(T0.plus(Duration.ofMinutes(59)));
        assertThat(r.tally()).isEqualTo(new CheckpointReading.Tally(0, 1, Duration.ofMinutes(2), false));
    }

    @Test
    void aResetOfTheStatisticsStartsAgain() {
        CheckpointReading r = CheckpointReading.next(Optional.empty(), at(Duration.ZERO, 50, 10));
        r = CheckpointReading.next(Optional.of(r), at(Duration.ofMinutes(1), 0, 1));
        assertThat(r.windowStart()).isEmpty();
        assertThat(r.tally().sinceReset()).isTrue();
    }
}
