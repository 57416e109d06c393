package dev.vigil.os;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.ops.failover.NodeFences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file Vigil writes with operational data is 0600 and the folders it makes for them 0700, whatever the
 * umask: the journal, the fenced-node list (and its lock), and anything written through {@link PrivateFiles}.
 */
class PrivateFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theJournalAndItsFolderAreForThisUserOnly() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = dir.resolve("state").resolve("vigil").resolve("journal.jsonl");
        try (Journal journal = Journal.open(file)) {
            journal.append(new JournalEntry(Instant.now(), "test", "c", "n", "select secret from t", Map.of()));
        }
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(file.getParent().getParent())).isEqualTo("rwx------");
        assertThat(mode(dir)).as("a folder that existed is left as it was").isEqualTo("rwxr-xr-x");
    }

    @Test
    void aJournalCreatedOpenBeforeIsTightened() throws Exception {
        Path file = Files.writeString(dir.resolve("old-journal.jsonl"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Journal.open(file).close();
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    @Test
    void theFencedNodeListAndItsLockAreForThisUserOnly() throws Exception {
        Path journal = dir.resolve("v").resolve("journal.jsonl");
        NodeFences fences = NodeFences.besideJournal(journal);
        fences.mark("demo", "pg1", "failover: test");
        Path list = journal.resolveSibling("fenced-nodes.properties");
        assertThat(mode(list)).isEqualTo("rw-------");
        assertThat(mode(journal.resolveSibling("fenced-nodes.properties.lock"))).isEqualTo("rw-------");
        assertThat(mode(list.getParent())).isEqualTo("rwx------");
        assertThat(fences.reason("demo", "pg1")).contains("failover: test");
    }

    @Test
    void theWindowLayoutIsForThisUserOnly() throws Exception {
        Path file = dir.resolve("config").resolve("vigil").resolve("window.properties");
        dev.vigil.ui.shell.WindowStateStore store = new dev.vigil.ui.shell.WindowStateStore(file);
        store.save(dev.vigil.ui.shell.WindowState.DEFAULT);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(store.load()).isEqualTo(dev.vigil.ui.shell.WindowState.DEFAULT);
    }

    @Test
    void anAtomicWriteReplacesTheFileWholeAndPrivately() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("last-seen.properties");
        PrivateFiles.writeAtomically(file, "one\n");
        PrivateFiles.writeAtomically(file, "two\n");
        assertThat(Files.readString(file)).isEqualTo("two\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(Files.exists(file.resolveSibling("last-seen.properties.tmp"))).isFalse();
        Path created = PrivateFiles.createPrivate(dir.resolve("c").resolve("state"));
        assertThat(mode(created)).isEqualTo("rw-------");
        assertThat(mode(created.getParent())).isEqualTo("rwx------");
    }
}
