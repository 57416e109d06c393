package dev.vigil.ops.workflow;

import dev.vigil.journal.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A workflow engine on a fresh journal for each test, for tests of fake steps (no server):
 * {@code @RegisterExtension final JournalledEngine workflows = new JournalledEngine();}. Before each test it opens
 * the journal in a folder of its own; after it, it closes the engine, then the journal it writes to, and deletes
 * the folder. {@link EngineLab} is the same on a real server.
 */
public final class JournalledEngine implements BeforeEachCallback, AfterEachCallback {
    private Path dir;
    private Journal journal;
    private WorkflowEngine engine;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("vigil-engine-test");
        journal = Journal.open(dir.resolve("journal.jsonl"));
        engine = new WorkflowEngine(journal);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            engine.close();
            journal.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public Journal journal() {
        return journal;
    }

    public WorkflowEngine engine() {
        return engine;
    }
}
