package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alert.AlertEvent;
import dev.vigil.alert.Finding;
import dev.vigil.alert.Severity;
import dev.vigil.bench.SwitchoverFigures.Goal;
import dev.vigil.cli.BenchCommand;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure decisions of `vigil bench monitor`: its goal, its wait for the alert to clear, and finding pg_activity. */
class MonitorBenchTest {
    @TempDir
    Path dir;

    @Test
    void theLockAlertGoalIsMetOnlyWhenEveryRunAlertedInTime() {
        Goal met = MonitorBench.lockAlertGoal(List.of(931L, 957L, 933L));
        assertThat(met.met()).isTrue();
        assertThat(met.measured()).isEqualTo("worst 957 ms of [931, 957, 933]");
        assertThat(MonitorBench.lockAlertGoal(List.of(900L, 2000L, 950L)).met()).as("2000 ms is within").isTrue();
        assertThat(MonitorBench.lockAlertGoal(List.of(900L, 2001L, 950L)).met()).isFalse();
        Goal partial = MonitorBench.lockAlertGoal(List.of(900L));
        assertThat(partial.met()).isFalse();
        assertThat(partial.measured()).isEqualTo("1 of 3 runs measured");
        assertThat(MonitorBench.lockAlertGoal(List.of()).met()).isFalse();
    }

    private static AlertEvent blocked(AlertEvent.Kind kind) {
        return new AlertEvent(kind, "benchmon", new Finding("blocked-sessions", Severity.WARNING, "pg1", "",
                "1 session blocked", Map.of()), Instant.EPOCH);
    }

    @Test
    void theClearWaitWaitsForThisRunsClearNotAnEarlierOne() {
        List<AlertEvent> events = new ArrayList<>(List.of(blocked(AlertEvent.Kind.RAISED), blocked(AlertEvent.Kind.CLEARED)));
        int clearedBefore = 1; // the run starts after one raise and its clear
        events.add(blocked(AlertEvent.Kind.RAISED));
        assertThat(MonitorBench.thisRunsAlertCleared(events, clearedBefore)).as("raised, not yet cleared").isFalse();
        events.add(blocked(AlertEvent.Kind.CLEARED));
        assertThat(MonitorBench.thisRunsAlertCleared(events, clearedBefore)).isTrue();
        assertThat(MonitorBench.thisRunsAlertCleared(List.of(), 0)).as("nothing raised, nothing cleared").isFalse();
    }

    private Path script(Path bin) throws Exception {
        Files.createDirectories(bin);
        Path script = Files.writeString(bin.resolve("pg_activity"), "#!/usr/bin/python3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void pgActivitysQueriesAreFoundBesideTheScriptOnPath() throws Exception {
        Path debian = dir.resolve("usr");
        script(debian.resolve("bin"));
        Path debianQueries = Files.createDirectories(debian.resolve("lib/python3/dist-packages/pgactivity/queries"));
        Path venv = dir.resolve("venv");
        Path venvScript = script(venv.resolve("bin"));
        Path venvQueries = Files.createDirectories(venv.resolve("lib/python3.11/site-packages/pgactivity/queries"));
        Path empty = Files.createDirectories(dir.resolve("empty/bin"));

        assertThat(MonitorBench.findPgActivityQueries(empty + File.pathSeparator + debian.resolve("bin")))
                .contains(debianQueries);
        assertThat(MonitorBench.findPgActivityQueries(venv.resolve("bin").toString())).contains(venvQueries);
        Path pipx = Files.createDirectories(dir.resolve("local/bin"));
        Files.createSymbolicLink(pipx.resolve("pg_activity"), venvScript);
        assertThat(MonitorBench.findPgActivityQueries(pipx.toString())).as("a link is followed to its venv")
                .contains(venvQueries);
        assertThat(MonitorBench.findPgActivityQueries(empty.toString())).isEmpty();
        assertThat(MonitorBench.findPgActivityQueries("")).isEmpty();
        assertThat(MonitorBench.findPgActivityQueries(null)).isEmpty();
    }

    @Test
    void aScriptWithoutItsQueryFolderIsNotAFind() throws Exception {
        script(dir.resolve("bare/bin"));
        assertThat(MonitorBench.findPgActivityQueries(dir.resolve("bare/bin").toString())).isEmpty();
    }

    @Test
    void theLabBenchDecidesItsStartupGoalOnEveryRunAndLosesNothing() {
        List<BenchCommand.LabBench.Run> fine = List.of(new BenchCommand.LabBench.Run(4200, 180, 200, 300, 0),
                new BenchCommand.LabBench.Run(4900, 170, 210, 300, 0));
        assertThat(BenchCommand.LabBench.goals(fine)).extracting(Goal::met).containsExactly(true, true);
        assertThat(BenchCommand.LabBench.goals(fine).get(0).measured()).isEqualTo("slowest 4900 ms");
        List<BenchCommand.LabBench.Run> slowAndLossy = List.of(new BenchCommand.LabBench.Run(4200, 180, 200, 300, 0),
                new BenchCommand.LabBench.Run(5100, 170, 210, 300, 1));
        assertThat(BenchCommand.LabBench.goals(slowAndLossy)).extracting(Goal::met).containsExactly(false, false);
        assertThat(BenchCommand.LabBench.goals(List.of())).extracting(Goal::met).containsExactly(false, false);
    }

    @Test
    void theCostGoalsAreDecidedOnTheMeasuredTicks() {
        MonitorBench.Cost cheap = new MonitorBench.Cost("Vigil", 60, 1.0, 2.5, 5.4, 7.0, 3.6);
        assertThat(MonitorBench.goals(cheap, List.of(931L, 957L, 933L))).extracting(Goal::met)
                .containsExactly(true, true, true);
        assertThat(MonitorBench.goals(cheap, List.of()).get(0).measured()).isEqualTo("5.40 ms over 60 ticks");
        MonitorBench.Cost slowTicks = new MonitorBench.Cost("Vigil", 60, 1.0, 2.5, 15.1, 7.0, 3.6);
        assertThat(MonitorBench.goals(slowTicks, List.of(931L, 957L, 933L))).extracting(Goal::met)
                .containsExactly(false, true, true);
        MonitorBench.Cost costly = new MonitorBench.Cost("Vigil", 60, 1.0, 2.5, 5.4, 7.0, 5.2);
        assertThat(MonitorBench.goals(costly, List.of(931L, 957L, 933L))).extracting(Goal::met)
                .containsExactly(true, false, true);
        MonitorBench.Cost none = new MonitorBench.Cost("Vigil", 0, 1.0, Double.NaN, Double.NaN, 0, 0);
        assertThat(MonitorBench.goals(none, List.of(931L, 957L, 933L))).extracting(Goal::met)
                .containsExactly(false, false, true);
    }
}
