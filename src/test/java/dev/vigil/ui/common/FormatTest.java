package dev.vigil.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {
    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "16777216, 16 MiB", "5368709120, 5.0 GiB"})
    void bytesInBinaryUnits(long bytes, String text) {
        assertThat(Format.bytes(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"52, 52 ms", "2800, 2.8 s", "125000, 2 min 5 s", "7260000, 2 h 1 min", "90000000, 1 d 1 h"})
    void durationsShort(long millis, String text) {
        assertThat(Format.duration(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
