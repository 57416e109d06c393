package dev.vigil.ui.queries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainFormatTest {
    @Test
    void numbersReadAsADbaExpects() {
        assertThat(ExplainFormat.rows(3750)).isEqualTo("3,750");
        assertThat(ExplainFormat.rows(0.5)).isEqualTo("0.50");
        assertThat(ExplainFormat.cost(645.5)).isEqualTo("645.50");
        assertThat(ExplainFormat.ms(0.0184)).isEqualTo("0.018");
        assertThat(ExplainFormat.ms(4.826)).isEqualTo("4.83");
        assertThat(ExplainFormat.ms(29.88)).isEqualTo("29.9");
        assertThat(ExplainFormat.ms(1234.4)).isEqualTo("1,234");
        assertThat(ExplainFormat.factor(192.3)).isEqualTo("192×");
        assertThat(ExplainFormat.factor(0.05)).isEqualTo("20×");
    }

    @Test
    void theErrorPositionIsShownUnderItsLineAsPsqlDoes() {
        assertThat(ExplainFormat.pointAt("SELECT *\nFROM t\nORDER status", 23)).isEqualTo("""
                LINE 3: ORDER status
                              ^""");
        assertThat(ExplainFormat.pointAt("SELECT\t1 x", 10)).isEqualTo("LINE 1: SELECT\t1 x\n        " + " ".repeat(6)
                + "\t  ^");
    }
}
