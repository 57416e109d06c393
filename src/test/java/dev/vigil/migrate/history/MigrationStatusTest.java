package dev.vigil.migrate.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.migrate.source.Migration;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationSet;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.migrate.source.ScriptName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationStatusTest {
    private final List<HistoryRow> rows = new ArrayList<>();

    private static MigrationScript script(String name, String sql) {
        return MigrationScript.of(ScriptName.parse(name).orElseThrow(), name, sql);
    }

    private static Migration migration(String v, String desc, boolean undo) {
        return new Migration(script("V" + v + "__" + desc + ".sql", "SELECT " + v + ";"),
                undo ? Optional.of(script("U" + v + "__" + desc + ".sql", "SELECT -" + v + ";")) : Optional.empty());
    }

    private void row(String version, String type, String script, Integer checksum, boolean success) {
        rows.add(new HistoryRow(rows.size() + 1, Optional.ofNullable(version), "d", type, script,
                Optional.ofNullable(checksum), "postgres", Instant.EPOCH, 1, success));
    }

    private static MigrationVersion v(String s) {
        return MigrationVersion.parse(s);
    }

    @Test
    void readsAppliedPendingAndTheCurrentVersion() {
        Migration m1 = migration("1", "init", true);
        Migration m2 = migration("2", "more", true);
        Migration m3 = migration("3", "last", false);
        row(null, HistoryRow.SCHEMA, "<< Flyway Schema Creation >>", null, true);
        row("1", HistoryRow.SQL, "V1__init.sql", m1.apply().checksum(), true);
        row("2", HistoryRow.SQL, "V2__more.sql", 12345, true);

        MigrationStatus s = MigrationStatus.of(new MigrationSet("t", List.of(m1, m2, m3), List.of(), List.of()), rows);

        assertThat(s.current()).contains(v("2"));
        assertThat(s.version(v("1")).orElseThrow()).satisfies(x -> {
            assertThat(x.state()).isEqualTo(VersionStatus.State.APPLIED);
            assertThat(x.checksumMatches()).contains(true);
            assertThat(x.hasUndo()).isTrue();
        });
        assertThat(s.version(v("2")).orElseThrow().checksumMatches()).contains(false);
        assertThat(s.pending()).extracting(VersionStatus::version).containsExactly(v("3"));
        assertThat(s.toUndo(v("1"))).extracting(VersionStatus::version).containsExactly(v("2"));
        assertThat(s.toUndo(v("0"))).extracting(VersionStatus::version).containsExactly(v("2"), v("1"));
        assertThat(s.missingUndo()).isEmpty();
        assertThat(s.lastRow().orElseThrow().installedRank()).isEqualTo(3);
    }

    @Test
    void anUndoInEitherEditionsWordsMakesTheVersionPendingAgain() {
        Migration m1 = migration("1", "init", true);
        Migration m2 = migration("2", "more", true);
        Migration m3 = migration("3", "last", true);
        row("1", HistoryRow.SQL, "V1__init.sql", 1, true);
        row("2", HistoryRow.SQL, "V2__more.sql", 2, true);
        row("3", HistoryRow.SQL, "V3__last.sql", 3, true);
        row("3", HistoryRow.UNDO_SQL, "U3__last.sql", 30, true);
        row("2", HistoryRow.DELETE, "U2__more.sql", 20, true);

        MigrationStatus s = MigrationStatus.of(new MigrationSet("t", List.of(m1, m2, m3), List.of(), List.of()), rows);

        assertThat(s.current()).contains(v("1"));
        assertThat(s.version(v("3")).orElseThrow().state()).isEqualTo(VersionStatus.State.UNDONE);
        assertThat(s.version(v("2")).orElseThrow().state()).isEqualTo(VersionStatus.State.UNDONE);
        assertThat(s.pending()).extracting(VersionStatus::version).containsExactly(v("2"), v("3"));
        assertThat(s.toUndo(v("0"))).extracting(VersionStatus::version).containsExactly(v("1"));

        row("2", HistoryRow.SQL, "V2__more.sql", 2, true);
        MigrationStatus again = MigrationStatus.of(new MigrationSet("t", List.of(m1, m2, m3), List.of(), List.of()), rows);
        assertThat(again.current()).contains(v("2"));
        assertThat(again.version(v("2")).orElseThrow().state()).isEqualTo(VersionStatus.State.APPLIED);
    }

    @Test
    void failedMissingAndBaselinedVersions() {
        Migration m1 = migration("1", "old", false);
        Migration m2 = migration("2", "base", false);
        Migration m4 = migration("4", "broken", true);
        row("2", HistoryRow.BASELINE, "<< Flyway Baseline >>", null, true);
        row("3", HistoryRow.SQL, "V3__gone.sql", 3, true);
        row("4", HistoryRow.SQL, "V4__broken.sql", 4, false);

        MigrationStatus s = MigrationStatus.of(new MigrationSet("t", List.of(m1, m2, m4), List.of(), List.of()), rows);

        assertThat(s.version(v("1")).orElseThrow().state()).isEqualTo(VersionStatus.State.BELOW_BASELINE);
        assertThat(s.version(v("2")).orElseThrow().state()).isEqualTo(VersionStatus.State.BASELINE);
        assertThat(s.version(v("3")).orElseThrow()).satisfies(x -> {
            assertThat(x.state()).isEqualTo(VersionStatus.State.MISSING);
            assertThat(x.description()).isEqualTo("d");
        });
        assertThat(s.failed()).extracting(VersionStatus::version).containsExactly(v("4"));
        assertThat(s.current()).as("a failed version is not the schema version").contains(v("3"));
        assertThat(s.pending()).isEmpty();
        assertThat(s.missingUndo()).extracting(VersionStatus::version).containsExactly(v("3"));
        assertThat(s.toUndo(v("2"))).extracting(VersionStatus::version).containsExactly(v("4"), v("3"));
    }
}
