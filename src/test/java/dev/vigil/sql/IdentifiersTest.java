package dev.vigil.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {
    @Test
    void quotesAndDoublesEmbeddedQuotes() {
        assertThat(Identifiers.quote("public")).isEqualTo("\"public\"");
        assertThat(Identifiers.quote("we\"ird; DROP TABLE x")).isEqualTo("\"we\"\"ird; DROP TABLE x\"");
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> Identifiers.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
