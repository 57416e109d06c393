package dev.vigil.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueFormatTest {
    private static final double MIB = 1024 * 1024;

    @Test
    void bytesTickOnPowersOfTwoAndReadInBinaryUnits() {
        assertThat(ValueFormat.BYTES.tickSteps()).contains(256 * MIB, 1024.0).doesNotContain(200_000_000.0);
        double step = 256 * MIB;
        assertThat(ValueFormat.BYTES.label(0, step, 2048 * MIB)).isEqualTo("0 B");
        assertThat(ValueFormat.BYTES.label(768 * MIB, step, 2048 * MIB)).isEqualTo("768 MiB");
        assertThat(ValueFormat.BYTES.label(1024 * MIB, step, 2048 * MIB)).isEqualTo("1 GiB");
        assertThat(ValueFormat.BYTES.label(1280 * MIB, step, 2048 * MIB)).isEqualTo("1.25 GiB");
        assertThat(ValueFormat.BYTES.label(512, 256, 1024)).isEqualTo("512 B");
    }

    @Test
    void percentShowsARatioWithTheDecimalsTheStepNeeds() {
        assertThat(ValueFormat.PERCENT.label(0.975, 0.025, 1)).isEqualTo("97.5%");
        assertThat(ValueFormat.PERCENT.label(1.0, 0.025, 1)).isEqualTo("100%");
        assertThat(ValueFormat.PERCENT.label(0.9, 0.02, 1)).isEqualTo("90%");
        assertThat(ValueFormat.PERCENT.format(0.99534)).isEqualTo("99.5%");
    }

    @Test
    void secondsReadAsMillisecondsSecondsMinutesAndHours() {
        assertThat(ValueFormat.SECONDS.label(0.25, 0.25, 1)).isEqualTo("250 ms");
        assertThat(ValueFormat.SECONDS.label(1.5, 0.5, 2)).isEqualTo("1.5 s");
        assertThat(ValueFormat.SECONDS.label(300, 300, 900)).isEqualTo("5 min");
        assertThat(ValueFormat.SECONDS.label(90, 30, 120)).isEqualTo("1.5 min");
        assertThat(ValueFormat.SECONDS.label(7200, 3600, 7200)).isEqualTo("2 h");
        assertThat(ValueFormat.SECONDS.label(0, 300, 900)).isEqualTo("0 s");
    }

    @Test
    void plainNumbersTakeOneSuffixPerAxis() {
        assertThat(ValueFormat.PLAIN.label(1500, 500, 2000)).isEqualTo("1500");
        assertThat(ValueFormat.PLAIN.label(15_000, 5000, 20_000)).isEqualTo("15k");
        assertThat(ValueFormat.PLAIN.label(5000, 5000, 20_000)).isEqualTo("5k");
        assertThat(ValueFormat.PLAIN.label(2_500_000, 500_000, 1e7)).isEqualTo("2.5M");
        assertThat(ValueFormat.PLAIN.label(0.4, 0.2, 1)).isEqualTo("0.4");
        assertThat(ValueFormat.PLAIN.label(-0.0, 1, 1)).isEqualTo("0");
        assertThat(ValueFormat.PLAIN.format(100)).isEqualTo("100");
    }

    @Test
    void readoutsKeepAboutThreeSignificantDigitsInTheirOwnUnit() {
        assertThat(ValueFormat.BYTES.format(1.5 * 1024 * MIB)).isEqualTo("1.5 GiB");
        assertThat(ValueFormat.BYTES.format(1.397 * 1024 * MIB)).isEqualTo("1.4 GiB");
        assertThat(ValueFormat.BYTES.format(300)).isEqualTo("300 B");
        assertThat(ValueFormat.SECONDS.format(0.0123)).isEqualTo("12.3 ms");
        assertThat(ValueFormat.SECONDS.format(754)).isEqualTo("12.6 min");
        assertThat(ValueFormat.PLAIN.format(123_456)).isEqualTo("123k");
        assertThat(ValueFormat.PLAIN.format(0)).isEqualTo("0");
        assertThat(ValueFormat.PERCENT.format(1.0)).isEqualTo("100%");
        assertThat(ValueFormat.PLAIN.format(Double.NaN)).isEqualTo("–");
    }

    @Test
    void stepsAscend() {
        for (ValueFormat f : ValueFormat.values()) {
            double[] steps = f.tickSteps();
            for (int i = 1; i < steps.length; i++) {
                assertThat(steps[i]).as("%s step %d", f, i).isGreaterThan(steps[i - 1]);
            }
        }
    }
}
