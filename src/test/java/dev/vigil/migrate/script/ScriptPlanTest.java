package dev.vigil.migrate.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.migrate.Guards;
import dev.vigil.migrate.MigrationSettings;
import dev.vigil.migrate.ScriptCommand;
import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.source.Migration;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.ScriptName;
import org.junit.jupiter.api.Test;

class ScriptPlanTest {
    private static ScriptPlan plan(String sql) {
        return ScriptPlan.of(MigrationScript.of(ScriptName.parse("U2__x.sql").orElseThrow(), "U2__x.sql", sql), 170006);
    }

    @Test
    void anOrdinaryScriptIsOneTransactionWithItsHistoryRow() {
        ScriptPlan p = plan("ALTER TABLE t DROP COLUMN c;\nDROP TABLE u;\n");
        assertThat(p.singleTransaction()).isTrue();
        assertThat(p.segments()).singleElement().satisfies(s -> assertThat(s.transactional()).isTrue());
        assertThat(p.describe()).isEqualTo("all 2 statements in one transaction with the history row");
        assertThat(p.historyWithLastSegment()).isTrue();
        assertThat(p.destroys()).hasSize(2);
    }

    @Test
    void aStatementThatCannotRunInATransactionRunsAloneBetweenTransactions() {
        ScriptPlan p = plan("ALTER TABLE t DROP COLUMN c;\nDROP INDEX CONCURRENTLY t_c_idx;\nDROP TABLE u;\nSELECT 1;\n");
        assertThat(p.segments()).extracting(ScriptPlan.Segment::transactional).containsExactly(true, false, true);
        assertThat(p.describe()).isEqualTo("statement 1 in one transaction; statement 2 (line 2) alone, outside any "
                + "transaction (DROP INDEX CONCURRENTLY cannot run inside a transaction block); statements 3–4 in one "
                + "transaction with the history row");
        assertThat(p.outsideTransaction()).singleElement().satisfies(a -> assertThat(a.statement().number()).isEqualTo(2));
    }

    @Test
    void aScriptEndingOutsideATransactionRecordsItsHistoryInATransactionOfItsOwn() {
        ScriptPlan p = plan("DROP INDEX CONCURRENTLY i;");
        assertThat(p.historyWithLastSegment()).isFalse();
        assertThat(p.describe()).endsWith("; then the history row in a transaction of its own");
        assertThat(p.segments().get(0).retrySafe()).isTrue();
        assertThat(plan("CREATE INDEX CONCURRENTLY i ON t (a);").segments().get(0).retrySafe()).isFalse();
    }

    @Test
    void theCommandShowsTheLimitsTheStatementsAndTheHistoryRowInOrder() {
        ScriptPlan p = plan("DROP INDEX CONCURRENTLY i;\nDROP TABLE u;");
        HistoryEntry e = HistoryEntry.undone(new Migration(p.script(), java.util.Optional.empty()), p.script(), "DELETE");
        String text = ScriptCommand.of(p, e, MigrationSettings.defaults().withFlywaySchema("app")).text();
        assertThat(text).containsSubsequence("-- outside a transaction:",
                "SELECT pg_catalog.set_config('lock_timeout', '2000ms', false);", "DROP INDEX CONCURRENTLY i;", "BEGIN;",
                "SELECT pg_catalog.set_config('lock_timeout', '2000ms', true);",
                "SELECT pg_catalog.set_config('statement_timeout', '60000ms', true);",
                "SELECT pg_catalog.set_config('search_path', '\"app\"', true);", "DROP TABLE u;",
                "INSERT INTO \"app\".\"flyway_schema_history\"", "DELETE row for version 2", "COMMIT;",
                "-- on a lock timeout (SQLSTATE 55P03): ROLLBACK, pause 500 ms, 1 s and 2 s and try again (3 retries)");
    }

    @Test
    void theRetryPausesDoubleUpToTheirCap() {
        Guards g = Guards.defaults();
        assertThat(g.pauseBefore(1).toMillis()).isEqualTo(500);
        assertThat(g.pauseBefore(3).toMillis()).isEqualTo(2000);
        assertThat(g.pauseBefore(10).toMillis()).isEqualTo(4000);
        assertThat(g.worstCaseLockWait().toMillis()).isEqualTo(4 * 2000 + 500 + 1000 + 2000);
    }
}
