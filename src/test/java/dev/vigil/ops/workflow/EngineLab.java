package dev.vigil.ops.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A one-server lab cluster, the definition Vigil reads of it, and a workflow engine on a journal: what a test
 * that runs real workflows (cancel, terminate, migrate) against a primary starts with. Open it in
 * {@code @BeforeAll}, close it in {@code @AfterAll}: the engine, then its journal, then the lab.
 * {@link JournalledEngine} is the same without a server.
 */
public record EngineLab(Lab lab, LabCluster cluster, ClusterDefinition definition, Journal journal,
        WorkflowEngine engine) implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A cluster {@code name} of a primary only, on {@code pgBin} (empty: the lab's default binaries). */
    public static EngineLab open(Optional<Path> pgBin, String name, Path dir) {
        Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin.orElse(null)));
        try {
            LabCluster cluster = lab.createCluster(name, 0);
            Journal journal = Journal.open(dir.resolve("journal.jsonl"));
            return new EngineLab(lab, cluster, LabInventory.of(cluster), journal, new WorkflowEngine(journal));
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public LabNode primary() {
        return cluster.primary();
    }

    /** Plans {@code workflow} (prechecks, topology), without a listener, waiting at most {@code wait}. */
    public Proposal prepare(Workflow workflow, Duration wait) throws Exception {
        return engine.prepare(workflow, WorkflowListener.NONE).get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a plan as {@code confirmation} says and waits at most {@code wait} for its report. */
    public WorkflowReport execute(Proposal proposal, Confirmation confirmation, Duration wait) throws Exception {
        return engine.execute(proposal, confirmation, WorkflowListener.NONE).report()
                .get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The journal's lines of one run, in order: the run id is in each line's evidence. */
    public List<JsonNode> journalOf(String runId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(journal.file())) {
            JsonNode n = JSON.readTree(line);
            if (runId.equals(n.get("evidence").path("run").asText())) {
                lines.add(n);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            engine.close();
            journal.close();
        } finally {
            lab.close();
        }
    }
}
