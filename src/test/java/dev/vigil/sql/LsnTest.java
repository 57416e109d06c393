package dev.vigil.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LsnTest {
    @ParameterizedTest
    @CsvSource({"0/0, 0", "0/3000148, 50331976", "16/B374D848, 97500059720", "FFFFFFFF/FFFFFFFF, -1"})
    void parsesAndPrintsAsPostgresDoes(String text, long value) {
        Lsn lsn = Lsn.parse(text);
        assertThat(lsn.value()).isEqualTo(value);
        assertThat(lsn.toString()).isEqualTo(text);
    }

    @Test
    void ordersUnsignedSoTheTopOfTheRangeIsLast() {
        assertThat(Lsn.parse("FFFFFFFF/0").isAfter(Lsn.parse("7FFFFFFF/FFFFFFFF"))).isTrue();
        assertThat(Lsn.parse("0/10").isAfter(Lsn.parse("0/10"))).isFalse();
    }

    @Test
    void rejectsTextWithoutSlash() {
        assertThatThrownBy(() -> Lsn.parse("12345")).isInstanceOf(IllegalArgumentException.class);
    }
}
