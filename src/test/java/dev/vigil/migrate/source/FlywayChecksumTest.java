package dev.vigil.migrate.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.StringResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our checksum against the Flyway library's own calculation of the same text. */
class FlywayChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "", "\n", "\r\n\r\n", "SELECT 1;", "SELECT 1;\n", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n",
            "a\r\nb\rc\nd", "line one\n\n\nline two\n", "\uFEFFSELECT 1;\r\n", "\uFEFF\nSELECT 1;", "x\uFEFF",
            "-- ümlaut, 日本語, emoji 🐘\nSELECT 'é';\n", "  trailing spaces  \n\ttab\n", "no newline at end",
            "\r", "\n\uFEFFsecond line BOM stays"})
    void equalsFlywaysChecksum(String script) {
        assertThat(FlywayChecksum.of(script)).as(script.replace("\n", "\\n").replace("\r", "\\r"))
                .isEqualTo(ChecksumCalculator.calculate(new StringResource(script)));
    }

    @Test
    void lineEndingsAndBlankLinesDoNotChangeItButSpacesDo() {
        int lf = FlywayChecksum.of("SELECT 1;\nSELECT 2;\n");
        assertThat(FlywayChecksum.of("SELECT 1;\r\nSELECT 2;\r\n")).isEqualTo(lf);
        assertThat(FlywayChecksum.of("SELECT 1;\n\n\nSELECT 2;")).isEqualTo(lf);
        assertThat(FlywayChecksum.of("SELECT 1; \nSELECT 2;\n")).isNotEqualTo(lf);
    }

    @Test
    void aLongScriptAsFlywayReadsIt() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("INSERT INTO t VALUES (").append(i).append(", 'row ").append(i).append("');")
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        assertThat(FlywayChecksum.of(b.toString())).isEqualTo(ChecksumCalculator.calculate(new StringResource(b.toString())));
    }
}
