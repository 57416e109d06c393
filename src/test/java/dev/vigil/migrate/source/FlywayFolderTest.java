package dev.vigil.migrate.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayFolderTest {
    @TempDir
    Path dir;

    private void write(String name, String sql) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    @Test
    void pairsEachVersionWithItsUndoInVersionOrderAcrossSubFolders() throws IOException {
        write("V1__init.sql", "CREATE TABLE a (id int);\n");
        write("V1_10__later.sql", "SELECT 10;\n");
        write("sub/V1.9__earlier.sql", "SELECT 9;\n");
        write("sub/U1.9__earlier.sql", "SELECT -9;\n");
        write("U1__init.sql", "DROP TABLE a;\n");

        MigrationSet set = new FlywayFolder(dir).load();

        assertThat(set.migrations()).extracting(m -> m.version().toString()).containsExactly("1", "1.9", "1.10");
        assertThat(set.migrations().get(0).undo()).hasValueSatisfying(u -> {
            assertThat(u.fileName()).isEqualTo("U1__init.sql");
            assertThat(u.sql()).isEqualTo("DROP TABLE a;\n");
            assertThat(u.checksum()).isEqualTo(FlywayChecksum.of("DROP TABLE a;\n"));
        });
        assertThat(set.migrations().get(1).undo()).hasValueSatisfying(u -> assertThat(u.location())
                .isEqualTo("sub" + java.io.File.separator + "U1.9__earlier.sql"));
        assertThat(set.migrations().get(2).undo()).isEmpty();
        assertThat(set.migrations().get(2).label()).isEqualTo("1.10 later");
        assertThat(set.problems()).isEmpty();
    }

    @Test
    void saysWhatItCouldNotUseInsteadOfDroppingItSilently() throws IOException {
        write("V1__a.sql", "SELECT 1;");
        write("V01__same_version.sql", "SELECT 1;");
        write("U2__orphan.sql", "SELECT 2;");
        write("R__views.sql", "SELECT 3;");
        write("notes.txt", "hello");

        MigrationSet set = new FlywayFolder(dir).load();

        assertThat(set.migrations()).singleElement().satisfies(m -> assertThat(m.apply().fileName()).isEqualTo("V01__same_version.sql"));
        assertThat(set.orphanUndos()).extracting(MigrationScript::fileName).containsExactly("U2__orphan.sql");
        assertThat(set.undo(MigrationVersion.parse("2"))).isPresent();
        assertThat(set.problems()).hasSize(3).anySatisfy(p -> assertThat(p).contains("version 1 has two scripts"))
                .anySatisfy(p -> assertThat(p).contains("R__views.sql").contains("repeatable migrations are not handled"))
                .anySatisfy(p -> assertThat(p).contains("U2__orphan.sql undoes version 2, which has no V-script"));
    }

    @Test
    void refusesAMissingFolderAndAFileThatIsNotInItsEncoding() throws IOException {
        assertThatThrownBy(() -> new FlywayFolder(dir.resolve("nope")).load()).hasMessageContaining("does not exist");
        Files.write(dir.resolve("V1__latin1.sql"), "SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new FlywayFolder(dir).load()).hasMessageContaining("is not valid UTF-8");
        assertThat(new FlywayFolder(dir, StandardCharsets.ISO_8859_1).load().migrations().get(0).apply().sql())
                .isEqualTo("SELECT 'café';");
    }
}
