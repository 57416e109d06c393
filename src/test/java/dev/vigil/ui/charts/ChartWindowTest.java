package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChartWindowTest {
    private static final Instant END = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void startsTheRangeBeforeTheEnd() {
        assertThat(ChartWindow.since(END, Duration.ofMinutes(5)))
                .isEqualTo(Instant.parse("2026-01-01T11:55:00Z").toEpochMilli());
        assertThat(ChartWindow.since(END, Duration.ofHours(1)))
                .isEqualTo(END.toEpochMilli() - 3_600_000L);
    }

    @Test
    void anEmptyRangeStartsAtTheEnd() {
        assertThat(ChartWindow.since(END, Duration.ZERO)).isEqualTo(END.toEpochMilli());
    }

    @Test
    void subtractsBeforeTruncatingToMilliseconds() {
        // The instant is cut to whole milliseconds after the range is taken off, as the views did inline.
        Instant end = END.plusNanos(500_000);
        assertThat(ChartWindow.since(end, Duration.ofNanos(600_000))).isEqualTo(END.toEpochMilli() - 1);
    }
}
