package dev.vigil.bench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ui.common.ConsoleView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * {@code vigil bench ui} in miniature, headless: a few ticks per view and a few heap points, so the bench's code
 * path stays alive. It checks that figures come out, never what they are: timings belong to the real run.
 */
class UiBenchSmokeTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // started as the other UI tests start it, so they can share it
    }

    @Test
    void aShortRunPrintsTickFiguresForEveryViewAndAHeapTable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = UiBench.run(new PrintWriter(out, true), new PrintWriter(err, true), "--parts", "ticks,heap",
                "--sessions", "200", "--statements", "300", "--waiters", "30", "--prefill-seconds", "120",
                "--warmup", "6", "--settle", "1", "--ticks", "4", "--interval-ms", "0",
                "--heap-ticks", "40", "--heap-step", "10", "--heap-load", "50,50,5");

        String printed = out.toString();
        assertThat(exit).as(err + printed).isZero();
        for (ConsoleView view : ConsoleView.values()) {
            assertThat(printed).containsPattern("(?m)^" + view.title() + " +4 +\\d+\\.\\d\\d ms +\\d+\\.\\d\\d ms");
        }
        Matcher all = Pattern.compile("(?m)^all views +" + ConsoleView.values().length * 4
                + " +(\\d+\\.\\d\\d) ms").matcher(printed);
        assertThat(all.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(all.group(1))).as("median FX time of a tick").isPositive();
        assertThat(printed.lines().filter(l -> l.matches(" +0:00 +[\\d,]+ KiB +[\\d,]+"))).as(printed).hasSize(5);
        assertThat(printed).containsPattern("slope over the second half, .*: [+-][\\d,]+ KiB per simulated hour");
    }
}
