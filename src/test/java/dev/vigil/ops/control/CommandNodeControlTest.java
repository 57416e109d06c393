package dev.vigil.ops.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.ControlSettings.Kind;
import dev.vigil.cluster.ControlSettings.NodeCommands;
import dev.vigil.cluster.ControlSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.lab.host.Waits;
import dev.vigil.sql.Lsn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command provider with real, harmless programs in place of ssh and systemctl. */
class CommandNodeControlTest {
    private static final Duration PLENTY = Duration.ofSeconds(30);
    private static final NodeEndpoint DB1 = new NodeEndpoint("db1", "db1.example", 5432, "postgres", "u", "");
    private static final NodeEndpoint HOSTILE = new NodeEndpoint("db2", "db2; rm -rf /", 5433, "postgres", "u", "");

    private static Optional<List<String>> argv(String... words) {
        return words.length == 0 ? Optional.empty() : Optional.of(List.of(words));
    }

    /** db1 with the given stop and status commands; the other commands as the tests below need them. */
    private static NodeControl control(Duration timeout, Optional<List<String>> stop, Optional<List<String>> status,
                                       Optional<List<String>> controlData) {
        NodeCommands commands = new NodeCommands(stop, argv("true"), status, Optional.empty(),
                argv("printf", "[%s]", "{upstream_host}"),
                argv("printf", "%s|", "{node}", "--source-server=host={upstream_host} port={upstream_port}"),
                argv("sh", "-c", "echo cloning from \"$1\" >&2; exit 1", "reclone", "{upstream_host}"),
                controlData);
        ControlSettings settings = new ControlSettings(Kind.COMMAND, Map.of("db1", commands), timeout);
        return CommandNodeControl.of(new ClusterDefinition("prod", List.of(DB1, HOSTILE)).withControl(settings));
    }

    private static NodeControl withStop(String... stop) {
        return control(PLENTY, argv(stop), Optional.empty(), Optional.empty());
    }

    private static NodeControl withStatus(String... status) {
        return control(PLENTY, Optional.empty(), argv(status), Optional.empty());
    }

    @Test
    void onlyTypeCommandGetsTheCommandProvider() {
        assertThat(CommandNodeControl.of(new ClusterDefinition("plain", List.of(DB1)))).isSameAs(NoNodeControl.INSTANCE);
        NodeControl control = withStop("true");
        assertThat(control).isInstanceOf(CommandNodeControl.class);
        assertThat(control.kind()).isEqualTo("command");
        assertThat(control.describe()).contains("'prod'").contains("30 s");
        assertThat(control.fence("db1")).as("no fence command configured").isEmpty();
        assertThat(control.stop("db2")).as("db2 has no commands at all").isEmpty();
        assertThat(control.state("db2").state()).isEqualTo(ProcessState.State.UNKNOWN);
        assertThat(control.shutdownRecord("db1")).isEmpty();
    }

    @Test
    void aCommandThatSucceedsIsDoneAndSaysWhatItPrinted() throws Exception {
        ControlAction stop = withStop("sh", "-c", "echo stopping {node}; echo done").stop("db1").orElseThrow();
        assertThat(stop.command().text()).isEqualTo("sh -c 'echo stopping db1; echo done'");
        assertThat(stop.run(PLENTY)).isEqualTo("stopping db1\ndone");
        assertThat(withStop("true").stop("db1").orElseThrow().run(PLENTY)).isEqualTo("true: exit code 0, no output");
    }

    @Test
    void aHostileValueArrivesAsOneArgumentUnchangedAndIsShownQuoted() throws Exception {
        ControlAction makeStandby = withStop("true").makeStandby("db1", HOSTILE).orElseThrow();
        assertThat(makeStandby.command().text()).isEqualTo("printf '[%s]' 'db2; rm -rf /'");
        // Split into words, printf would have printed [db2;][rm][-rf][/].
        assertThat(makeStandby.run(PLENTY)).isEqualTo("[db2; rm -rf /]");

        ControlAction rewind = withStop("true").rewind("db1", HOSTILE).orElseThrow();
        assertThat(rewind.command().text())
                .isEqualTo("printf '%s|' db1 '--source-server=host=db2; rm -rf / port=5433'");
        assertThat(rewind.run(PLENTY)).isEqualTo("db1|--source-server=host=db2; rm -rf / port=5433|");
    }

    @Test
    void aNonZeroExitFailsNamingNodeCommandCodeAndOutput() {
        ControlAction reclone = withStop("true").reclone("db1", DB1).orElseThrow();
        assertThatThrownBy(() -> reclone.run(PLENTY)).isExactlyInstanceOf(ControlException.class)
                .hasMessageStartingWith("reclone of node db1 (sh -c 'echo cloning from \"$1\" >&2; exit 1' reclone "
                        + "db1.example) failed with exit code 1. Run it by hand as the user running Vigil")
                .hasMessageEndingWith("Output (last lines):\ncloning from db1.example");
        assertThatThrownBy(() -> withStop("false").stop("db1").orElseThrow().run(PLENTY))
                .hasMessageContaining("stop of node db1 (false) failed with exit code 1")
                .hasMessageEndingWith("It printed nothing.");
    }

    @Test
    void aProgramThatDoesNotExistSaysWhatToCheck() {
        assertThatThrownBy(() -> withStop("/nonexistent/vigil-stop", "{node}").stop("db1").orElseThrow().run(PLENTY))
                .isExactlyInstanceOf(ControlException.class)
                .hasMessageContaining("stop of node db1 (/nonexistent/vigil-stop db1) could not start")
                .hasMessageContaining("is on the PATH of the user running Vigil");
    }

    @Test
    void atTheTimeLimitTheProcessTreeIsKilledAndTheResultIsUnknown() {
        // The shell prints its background sleep's pid, so the test can see that the child died too.
        ControlAction stop = withStop("sh", "-c", "sleep 10 & echo child $!; wait").stop("db1").orElseThrow();
        long started = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> stop.run(Duration.ofMillis(300)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(thrown).isInstanceOf(ControlResultUnknownException.class)
                .hasMessageContaining("stop of node db1 (sh -c 'sleep 10 & echo child $!; wait') did not finish "
                        + "within 300 ms and was killed with its child processes")
                .hasMessageContaining("raise 'timeout' under 'control'");
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        Matcher child = Pattern.compile("child (\\d+)").matcher(thrown.getMessage());
        assertThat(child.find()).as("the output so far is in the message").isTrue();
        long pid = Long.parseLong(child.group(1));
        assertThat(Waits.within(Duration.ofSeconds(5),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true))).as("sleep %d killed", pid).isTrue();
    }

    @Test
    void theConfiguredTimeoutCapsTheOneAskedFor() {
        NodeControl control = control(Duration.ofMillis(300), argv("sleep", "10"), argv("sleep", "10"), Optional.empty());
        assertThatThrownBy(() -> control.stop("db1").orElseThrow().run(Duration.ofMinutes(5)))
                .isInstanceOf(ControlResultUnknownException.class).hasMessageContaining("within 300 ms");
        assertThat(control.state("db1")).isEqualTo(
                ProcessState.unknown("status command did not finish within 300 ms; it was killed"));
    }

    @Test
    void onlyTheTailOfALongOutputIsKept() throws Exception {
        String output = withStop("seq", "1", "300000").stop("db1").orElseThrow().run(PLENTY);
        assertThat(output).endsWith("299999\n300000").hasSizeLessThanOrEqualTo(2001).doesNotContain("\n1\n");
    }

    @Test
    void aCommandThatLeavesAChildHoldingItsOutputStillReturns() throws Exception {
        // As 'pg_ctl start' without a log file does: the server keeps the pipe open after pg_ctl has exited.
        long started = System.nanoTime();
        String output = withStop("sh", "-c", "sleep 20 & echo started $!").stop("db1").orElseThrow().run(PLENTY);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(output).startsWith("started ");
        ProcessHandle.of(Long.parseLong(output.substring("started ".length()))).ifPresent(ProcessHandle::destroy);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void statusExitCodesFollowPgCtlStatus() {
        assertThat(withStatus("true").state("db1")).isEqualTo(ProcessState.running("status command exited 0"));
        assertThat(withStatus("sh", "-c", "echo inactive; exit 3").state("db1"))
                .isEqualTo(ProcessState.stopped("status command exited 3: inactive"));
        ProcessState other = withStatus("sh", "-c", "echo 'pg_ctl: directory does not exist' >&2; exit 4")
                .state("db1");
        assertThat(other.state()).isEqualTo(ProcessState.State.UNKNOWN);
        assertThat(other.evidence()).isEqualTo("status command exited 4: pg_ctl: directory does not exist (only 0, "
                + "running, and 3, stopped, are understood)");
        assertThat(withStatus("/nonexistent/status").state("db1").evidence()).startsWith("status command could not start");
        assertThat(withStop("true").state("db1"))
                .isEqualTo(ProcessState.unknown("no 'status' command for db1 under 'control' in clusters.yaml"));
    }

    @Test
    void theShutdownRecordComesFromTheControlDataCommand() throws Exception {
        Path sample = Path.of(getClass().getResource("pg_controldata_15_shut_down_timeline_2.txt").toURI());
        NodeControl control = control(PLENTY, Optional.empty(), Optional.empty(), argv("cat", sample.toString()));
        assertThat(control.shutdownRecord("db1"))
                .contains(new ShutdownRecord(true, "shut down", Lsn.parse("0/1B35B08"), 2));

        CommandNodeControl failing = (CommandNodeControl) control(PLENTY, Optional.empty(), Optional.empty(),
                argv("sh", "-c", "echo 'could not open file \"global/pg_control\"' >&2; exit 1"));
        assertThat(failing.shutdownRecord("db1")).isEmpty();
        assertThatThrownBy(() -> failing.readShutdownRecord("db1")).hasMessageContaining("control_data of node db1")
                .hasMessageContaining("exit code 1").hasMessageContaining("global/pg_control");

        CommandNodeControl foreign = (CommandNodeControl) control(PLENTY, Optional.empty(), Optional.empty(),
                argv("echo", "hello"));
        assertThatThrownBy(() -> foreign.readShutdownRecord("db1"))
                .hasMessageStartingWith("control_data of node db1 (echo hello) printed no pg_control: the output has "
                        + "no 'Database cluster state:' line")
                .hasMessageEndingWith("Output (last lines):\nhello");
    }
}
