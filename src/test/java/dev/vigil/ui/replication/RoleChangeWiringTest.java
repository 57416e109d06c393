package dev.vigil.ui.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.NodeStatus;
import dev.vigil.journal.Journal;
import dev.vigil.ops.failover.FailoverWorkflow;
import dev.vigil.ops.failover.NodeFences;
import dev.vigil.ops.failover.RejoinWorkflow;
import dev.vigil.ops.failover.SwitchoverWorkflow;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.sql.Lsn;
import dev.vigil.ui.common.ClusterViewModel;
import dev.vigil.ui.common.RoleAction;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.shell.FakeFeed;
import dev.vigil.ui.shell.FakeSource;
import dev.vigil.ui.shell.MainViewModel;
import dev.vigil.ui.shell.RoleChanges;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the window hands the role-change workflows, with fakes (no toolkit, no threads, no servers): the fenced
 * nodes read beside the journal, the last WAL position seen on the primary, the source's node control. The
 * source is ui.shell's {@link FakeSource}: a fake feed with a node control of its own, as a lab source has.
 */
class RoleChangeWiringTest {
    private static final NodeEndpoint PG1 = FakeFeed.PG1;
    private static final NodeEndpoint PG2 = FakeFeed.PG2;

    @TempDir
    Path dir;
    private Journal journal;
    private NodeFences fences;

    @BeforeEach
    void openJournal() {
        journal = Journal.open(dir.resolve("journal.jsonl"));
        fences = NodeFences.besideJournal(journal.file());
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private MainViewModel start(FakeSource source) {
        MainViewModel vm = new MainViewModel(UiThread.immediate(), TaskExecutor.sameThread(), source, journal);
        vm.start("starting");
        return vm;
    }

    @Test
    void fencedNodesAreReadAtStartAndAgainWhenAWorkflowEnds() {
        fences.mark("demo", "pg2", "fenced by a failover");
        FakeSource source = new FakeSource();
        MainViewModel vm = start(source);
        ClusterViewModel cluster = vm.clusters().get(0);
        source.feed.publishUp(true);

        assertThat(cluster.fenced()).containsExactly(Map.entry("pg2", "fenced by a failover"));
        assertThat(vm.fences().fenced("demo")).containsKey("pg2");
        assertThat(cluster.roleActions().rejoin("pg2").enabled()).as("a fenced standby is offered a rejoin").isTrue();
        assertThat(cluster.roleActions().switchover("pg2").enabled()).isFalse();

        fences.clear("demo", "pg2"); // as a rejoin's last step does
        vm.reloadFences();
        assertThat(cluster.fenced()).isEmpty();
        assertThat(vm.nodeControls()).as("the source's own node control").isSameAs(source.controls);
        vm.close();
    }

    @Test
    void aClusterTheSourceCreatedForgetsTheMarksOfAnEarlierNamesake() {
        fences.mark("demo", "pg1", "from yesterday's demo");
        fences.mark("other", "pg1", "another cluster");
        FakeSource source = new FakeSource();
        source.created = List.of("demo");
        MainViewModel vm = start(source);

        assertThat(vm.clusters().get(0).fenced()).isEmpty();
        assertThat(fences.fenced("demo")).isEmpty();
        assertThat(fences.fenced("other")).containsKey("pg1");
        vm.close();
    }

    @Test
    void eachRoleActionBuildsItsWorkflowWithTheLastWalPositionSeenOnThePrimary() {
        FakeSource source = new FakeSource();
        MainViewModel vm = start(source);
        ClusterViewModel cluster = vm.clusters().get(0);
        Instant at = Instant.parse("2025-01-01T10:00:00Z");
        NodeStatus primary = new NodeStatus("pg1", PG1.address(), NodeStatus.Reachability.UP, "", "17.6", 170006, false,
                Optional.empty(), Optional.empty(), Optional.of(1), Optional.empty(), Optional.of(Lsn.parse("0/3000060")),
                Optional.of(at), at, Duration.ofMillis(1));
        source.feed.publish(FakeFeed.sample(at, 1, primary, FakeFeed.up(PG2, at)));

        assertThat(cluster.lastSeen()).hasValueSatisfying(l -> {
            assertThat(l.node()).isEqualTo("pg1");
            assertThat(l.lsn()).isEqualTo(Lsn.parse("0/3000060"));
            assertThat(l.at()).isEqualTo(at);
        });
        RoleChanges changes = new RoleChanges(vm);
        Workflow switchover = changes.workflow(cluster, RoleAction.enabled(RoleAction.Kind.SWITCHOVER, Optional.of("pg2")));
        Workflow failover = changes.workflow(cluster, RoleAction.enabled(RoleAction.Kind.FAILOVER, Optional.empty()));
        Workflow rejoin = changes.workflow(cluster, RoleAction.enabled(RoleAction.Kind.REJOIN, Optional.of("pg1")));
        assertThat(switchover).isInstanceOf(SwitchoverWorkflow.class);
        assertThat(switchover.title()).isEqualTo("Switch over demo to pg2");
        assertThat(failover).isInstanceOf(FailoverWorkflow.class);
        assertThat(((FailoverWorkflow) failover).oldPrimary()).as("named by the last WAL position seen").contains("pg1");
        assertThat(rejoin).isInstanceOf(RejoinWorkflow.class);
        assertThat(List.of(switchover, failover, rejoin)).allMatch(w -> w.cluster().equals("demo"));
        vm.close();
    }
}
