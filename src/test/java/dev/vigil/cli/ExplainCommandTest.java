package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * `vigil explain` headless against a lab this JVM runs, found on disk as {@code lab:<name>}: the Queries view's
 * EXPLAIN through the same core, with its refusals, its rollback and the server's errors as exit codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainCommandTest {
    private static final String NAME = "lab:cliexplain";
    private static final String JOIN = "SELECT c.country, count(*) FROM shop.customers c JOIN shop.orders o "
            + "ON o.customer_id = c.id WHERE c.country = 'DE' GROUP BY c.country";
    private CliLab lab;
    private LabCluster cluster;

    @BeforeAll
    void start(@TempDir Path dir) {
        lab = CliLab.open("cliexplain", 0, dir);
        cluster = lab.cluster();
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private CliRun vigil(String... args) {
        return lab.vigil(List.of("explain"), List.of(args));
    }

    @Test
    void plansAStatementAndShowsWhatWasSentAndThePlan() {
        CliRun run = vigil(JOIN);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("EXPLAIN on " + NAME + "/pg1", "Sent:", "BEGIN", "EXPLAIN (SUMMARY, FORMAT JSON) "
                + JOIN, "ROLLBACK", "Plan:", "(cost=", "customers", "Planning ", "PLANNED: Planned; nothing was run.");
        assertThat(run.out()).doesNotContain("actual time=");
    }

    @Test
    void analyzeOfAWriteIsRefusedUnlessAllowedAndThenRolledBack() throws Exception {
        String update = "UPDATE shop.orders SET status = 'explained' WHERE id IN (SELECT id FROM shop.orders LIMIT 3)";
        CliRun refused = vigil("--analyze", update);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("REFUSED: Not run:").doesNotContain("Sent:");

        CliRun ran = vigil("--analyze", "--allow-writes", update);
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ", "actual time=", "Execution ",
                "ANALYZED: Ran with EXPLAIN ANALYZE and rolled back");
        try (Connection c = cluster.primary().connect(LabCluster.DATABASE); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM shop.orders WHERE status = 'explained'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the update was rolled back").isZero();
        }
    }

    @Test
    void aServerErrorExitsThreeWithItsPositionAndAnUnknownNodeIsAUsageError() {
        CliRun failed = vigil("SELECT no_such_column FROM shop.orders");
        assertThat(failed.exit()).isEqualTo(3);
        assertThat(failed.out()).contains("FAILED: ERROR 42703 at character 8", "no_such_column", "ROLLBACK");

        CliRun noNode = vigil("--node", "pg9", "SELECT 1");
        assertThat(noNode.exit()).isEqualTo(1);
        assertThat(noNode.err()).contains("has no node pg9", "pg1");
    }
}
