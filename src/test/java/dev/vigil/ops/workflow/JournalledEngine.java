package dev.vigil.ops.workflow;

import dev.vigil.journal.Journal;
import java.nio.file.Path;

/**
 * A workflow engine on a fresh journal in a test's folder, closed in the order they depend on (the engine, then
 * the journal it writes to). For tests that run workflows of fake steps; {@link EngineLab} adds a real server.
 */
public final class JournalledEngine implements AutoCloseable {
    public final Journal journal;
    public final WorkflowEngine engine;

    private JournalledEngine(Journal journal) {
        this.journal = journal;
        this.engine = new WorkflowEngine(journal);
    }

    /** The journal is {@code dir}/journal.jsonl. */
    public static JournalledEngine open(Path dir) {
        return new JournalledEngine(Journal.open(dir.resolve("journal.jsonl")));
    }

    @Override
    public void close() {
        engine.close();
        journal.close();
    }
}
