package dev.vigil.lab.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgBinariesTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryWithoutTheServerIsRefusedWithTheFix() {
        assertThatThrownBy(() -> PgBinaries.resolve(Optional.of(dir), ServiceUser.detect()))
                .isInstanceOf(LabException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("initdb is missing")
                .hasMessageContaining(PgBinaries.PG_BIN_ENV);
    }

    @Test
    void anIncompleteCacheIsDetectedAndUnpackedAgain() throws Exception {
        ServiceUser user = ServiceUser.detect();
        PgBinaries first = EmbeddedPgBinaries.unpackInto(dir, user);
        assertThat(first.major()).isEqualTo(17);
        Path root = first.binDir().getParent();
        assertThat(EmbeddedPgBinaries.isComplete(root)).isTrue();

        Files.delete(first.program("pg_ctl")); // a half-deleted or tampered cache
        assertThat(EmbeddedPgBinaries.isComplete(root)).isFalse();
        PgBinaries again = EmbeddedPgBinaries.unpackInto(dir, user);
        assertThat(again.program("pg_ctl")).isExecutable();
        assertThat(again.version()).isEqualTo(first.version());
    }

    @Test
    void theCachedUnpackIsReusedNotRepeated() throws Exception {
        ServiceUser user = ServiceUser.detect();
        PgBinaries first = EmbeddedPgBinaries.unpack(user);
        Path marker = first.binDir().getParent().resolve(EmbeddedPgBinaries.COMPLETE_MARKER);
        var stamp = Files.getLastModifiedTime(marker);
        PgBinaries second = EmbeddedPgBinaries.unpack(user);
        assertThat(second.binDir()).isEqualTo(first.binDir());
        assertThat(Files.getLastModifiedTime(marker)).isEqualTo(stamp);
    }
}
