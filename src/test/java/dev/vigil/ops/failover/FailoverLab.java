package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import dev.vigil.ops.control.LabNodeControl;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real lab cluster with the engine, journal, node control and fence list a failover test needs. */
final class FailoverLab implements AutoCloseable {
    final Lab lab;
    final Path dir;
    final Journal journal;
    final WorkflowEngine engine;
    final NodeFences fences;
    final List<JournalEntry> entries = new CopyOnWriteArrayList<>();
    LabCluster cluster;
    ClusterDefinition definition;
    NodeControl control;

    FailoverLab(Optional<Path> pgBin, Path dir) {
        this.lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin.orElse(null)));
        this.dir = dir;
        this.journal = Journal.open(dir.resolve("journal.jsonl"));
        this.journal.subscribe(entries::add);
        this.engine = new WorkflowEngine(journal);
        this.fences = NodeFences.besideJournal(journal.file());
    }

    FailoverLab withCluster(String name, int standbys) {
        cluster = lab.createCluster(name, standbys);
        definition = LabInventory.of(cluster);
        control = new LabNodeControl(cluster);
        return this;
    }

    Proposal prepare(Workflow workflow) throws Exception {
        return engine.prepare(workflow, WorkflowListener.NONE).get(60, TimeUnit.SECONDS);
    }

    WorkflowReport execute(Proposal proposal, Confirmation confirmation, WorkflowListener listener) throws Exception {
        return engine.execute(proposal, confirmation, listener).report().get(5, TimeUnit.MINUTES);
    }

    WorkflowReport confirmAll(Proposal proposal) throws Exception {
        return execute(proposal, Confirmation.confirm().acknowledgingWarnings().typing(proposal.confirmationWord()),
                WorkflowListener.NONE);
    }

    /** Nodes that accept writes now, asked directly (not through Vigil). */
    List<String> writablePrimaries() {
        List<String> out = new ArrayList<>();
        for (LabNode n : cluster.nodes()) {
            if (n.isRunning() && n.isReachable() && !n.isInRecovery()) {
                out.add(n.name());
            }
        }
        return out;
    }

    List<String> journalKinds(String runId) {
        return entries.stream().filter(e -> runId.equals(e.evidence().get("run"))).map(JournalEntry::kind).toList();
    }

    void assertAtMostOnePrimary() {
        assertThat(writablePrimaries()).hasSizeLessThanOrEqualTo(1);
    }

    @Override
    public void close() {
        engine.close();
        journal.close();
        lab.close();
    }
}
