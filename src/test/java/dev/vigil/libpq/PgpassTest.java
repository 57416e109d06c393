package dev.vigil.libpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgpassTest {
    @TempDir
    Path dir;

    @Test
    void writesMode0600AndReadsBackEscapedFields() throws Exception {
        Path file = dir.resolve("pgpass");
        Pgpass.write(file, List.of(new Pgpass.Entry("127.0.0.1", "*", "*", "postgres", "pa:ss\\word"),
                new Pgpass.Entry("127.0.0.1", "5432", "replication", "replicator", "r")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("postgres:pa\\:ss\\\\word");

        List<Pgpass.Entry> entries = Pgpass.read(file);
        assertThat(Pgpass.lookup(entries, "127.0.0.1", 6000, "shop", "postgres")).contains("pa:ss\\word");
        assertThat(Pgpass.lookup(entries, "127.0.0.1", 5432, "replication", "replicator")).contains("r");
        assertThat(Pgpass.lookup(entries, "127.0.0.1", 5433, "replication", "replicator")).isEmpty();
        assertThat(Pgpass.lookup(entries, "10.0.0.1", 5432, "shop", "postgres")).isEmpty();
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        Path file = dir.resolve("pgpass");
        Pgpass.write(file, List.of(new Pgpass.Entry("*", "*", "*", "u", "p")));
        assertThat(Pgpass.permissionProblem(file)).isEmpty();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Pgpass.permissionProblem(file)).hasValueSatisfying(
                why -> assertThat(why).contains(file.toString()).contains("chmod 0600"));
    }
}
