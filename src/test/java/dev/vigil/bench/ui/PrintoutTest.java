package dev.vigil.bench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decisions `vigil bench ui` prints beside its figures, without a window. */
class PrintoutTest {

    @Test
    void aTickIsWithinGoalOnlyWhenMedianAndP99BothAre() {
        assertThat(Printout.withinTickGoal(8, 16)).isTrue();
        assertThat(Printout.withinTickGoal(8.01, 10)).isFalse();
        assertThat(Printout.withinTickGoal(2, 16.5)).isFalse();
    }

    @Test
    void theHeapIsFlatWhenItGrowsAtMostOnePercentAnHour() {
        assertThat(Printout.heapFlat(82, 81_920)).as("the README's +0.08 MiB per hour on 80 MiB").isTrue();
        assertThat(Printout.heapFlat(-500, 81_920)).as("shrinking is flat").isTrue();
        assertThat(Printout.heapFlat(819, 81_920)).isTrue();
        assertThat(Printout.heapFlat(900, 81_920)).as("1.1 % per hour").isFalse();
    }

    @Test
    void launchPrintsReachableAndTotalNodesFromTheirOwnValues() {
        StringWriter out = new StringWriter();
        Printout.launch(new PrintWriter(out, true), new LaunchBench.Report(0, 100, 600, 900, 1000, 5000, 8000,
                "demo lab", 2, 3, List.of()));
        assertThat(out.toString()).contains("8000 ms, from JVM start to the first sample with 2 of 3 nodes reachable");
    }
}
