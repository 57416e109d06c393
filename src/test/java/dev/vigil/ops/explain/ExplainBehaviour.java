package dev.vigil.ops.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** EXPLAIN on a real lab primary, through the lab superuser's connection. Subclasses choose the binaries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExplainBehaviour {
    static final String JOIN = """
            SELECT c.country, count(*) AS items, sum(o.total_cents) AS revenue
            FROM shop.customers c
            JOIN shop.orders o ON o.customer_id = c.id
            JOIN shop.order_items i ON i.order_id = o.id
            WHERE o.status = 'paid' AND c.country = 'DE'
            GROUP BY c.country""";

    private Lab lab;
    private LabCluster cluster;
    private LabNode node;
    private Connection extended;
    private Connection simple;
    private int versionNum;
    private int extendedPid;

    abstract Optional<Path> pgBin();

    @BeforeAll
    void startNode() throws SQLException {
        lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin().orElse(null)));
        cluster = lab.createCluster("explain", 0);
        node = cluster.primary();
        extended = node.connect(LabCluster.DATABASE);
        Properties props = new Properties();
        props.setProperty("user", LabCredentials.SUPERUSER);
        props.setProperty("password", cluster.credentials().superuserPassword());
        props.setProperty("preferQueryMode", "simple");
        simple = DriverManager.getConnection(node.jdbcUrl(LabCluster.DATABASE), props);
        versionNum = Integer.parseInt(single(extended, "SHOW server_version_num"));
        extendedPid = Integer.parseInt(single(extended, "SELECT pg_backend_pid()"));
    }

    @AfterAll
    void stop() throws SQLException {
        for (Connection c : new Connection[] {extended, simple}) {
            if (c != null) {
                c.close();
            }
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void planOfAJoinOverTheShopTablesRunsNothingInAReadOnlyTransaction() throws SQLException {
        ExplainResult result = runner(extended).explain(ExplainRequest.plan(JOIN));

        assertThat(result.outcome()).as(result.message()).isEqualTo(ExplainResult.Outcome.PLANNED);
        assertThat(result.form()).contains(ExplainForm.PLAN);
        QueryPlan plan = result.plan().orElseThrow();
        assertThat(plan.root().flatten()).extracting(n -> n.relation().orElse(""))
                .contains("customers", "orders", "order_items");
        assertThat(plan.root().flatten()).allSatisfy(n -> assertThat(n.actual()).isEmpty());
        assertThat(plan.root().totalCost()).isPositive();
        assertThat(result.planningMs()).isPresent();
        assertThat(plan.mostExpensive()).isPresent();
        assertThat(result.sent()).first().isEqualTo("BEGIN READ ONLY");
        assertThat(result.sent()).last().isEqualTo("ROLLBACK");
        assertThat(result.sent()).contains("EXPLAIN (SUMMARY, FORMAT JSON) " + JOIN);
        assertThat(result.rolledBack()).isTrue();
        assertThat(extended.getAutoCommit()).isTrue();
    }

    @Test
    void analyzeOfAReadOnlyJoinNeedsNoConfirmationAndMeasuresEveryNode() throws SQLException {
        ExplainResult result = runner(extended).explain(ExplainRequest.analyze(JOIN, false));

        assertThat(result.outcome()).as(result.message()).isEqualTo(ExplainResult.Outcome.ANALYZED);
        QueryPlan plan = result.plan().orElseThrow();
        assertThat(plan.root().actual().orElseThrow().rows()).isEqualTo(1); // one country
        assertThat(plan.root().flatten()).allSatisfy(n -> {
            assertThat(n.actual()).isPresent();
            assertThat(n.buffers()).isPresent();
        });
        assertThat(result.executionMs().getAsDouble()).isPositive();
        assertThat(plan.mostExpensive().orElseThrow().exclusiveMs().getAsDouble()).isPositive();
        assertThat(result.sent().get(0)).isEqualTo("BEGIN READ ONLY");
    }

    @Test
    void planOfAnUpdateIsAllowedWithoutConfirmationAndRunsNothing() throws SQLException {
        String before = status(5);
        ExplainResult result = runner(extended).explain(
                ExplainRequest.plan("UPDATE shop.orders SET status = 'planned-only' WHERE id = 5"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(ExplainResult.Outcome.PLANNED);
        assertThat(result.plan().orElseThrow().root().title()).isEqualTo("Update on orders");
        assertThat(status(5)).isEqualTo(before);
    }

    @Test
    void placeholdersGetAGenericPlanFromSixteenOnAndAClearRefusalBefore() throws SQLException {
        String normalized = "SELECT * FROM shop.orders WHERE customer_id = $1 AND status = $2";
        ExplainResult result = runner(simple).explain(ExplainRequest.plan(normalized));

        if (versionNum >= 160000) {
            assertThat(result.outcome()).as(result.message()).isEqualTo(ExplainResult.Outcome.PLANNED);
            assertThat(result.form()).contains(ExplainForm.GENERIC_PLAN);
            assertThat(result.plan().orElseThrow().root().flatten()).anySatisfy(n ->
                    assertThat(n.details().values()).anySatisfy(v -> assertThat(v).contains("$1")));
            ExplainResult overExtended = runner(extended).explain(ExplainRequest.plan(normalized));
            assertThat(overExtended.outcome()).isEqualTo(ExplainResult.Outcome.REFUSED);
            assertThat(overExtended.message()).contains("preferQueryMode=simple");
        } else {
            assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.REFUSED);
            assertThat(result.message()).contains("PostgreSQL " + ExplainForm.versionName(versionNum))
                    .contains("16 or later").contains("literal values");
            assertThat(result.sent()).isEmpty();
        }
        ExplainResult analyze = runner(simple).explain(ExplainRequest.analyze(normalized, true));
        assertThat(analyze.outcome()).isEqualTo(ExplainResult.Outcome.REFUSED);
        assertThat(analyze.message()).contains("GENERIC_PLAN").contains("cannot be combined with ANALYZE");
    }

    @Test
    void analyzeOfAConfirmedUpdateReportsActualRowsAndIsRolledBack() throws SQLException {
        String before = status(7);
        ExplainResult result = runner(extended).explain(ExplainRequest.analyze(
                "UPDATE shop.orders SET status = 'analyzed' WHERE id = 7", true));

        assertThat(result.outcome()).as(result.message()).isEqualTo(ExplainResult.Outcome.ANALYZED);
        PlanNode update = result.plan().orElseThrow().root();
        assertThat(update.title()).isEqualTo("Update on orders");
        PlanNode scan = update.children().get(0);
        assertThat(scan.relation()).contains("orders");
        assertThat(scan.actual().orElseThrow().rows()).isEqualTo(1);
        assertThat(result.sent()).containsSubsequence("BEGIN READ WRITE",
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) UPDATE shop.orders SET status = 'analyzed' WHERE id = 7",
                "ROLLBACK");
        assertThat(result.rolledBack()).isTrue();
        assertThat(backendState()).isEqualTo("idle"); // not "idle in transaction": nothing left open
        assertThat(status(7)).isEqualTo(before).isNotEqualTo("analyzed");
    }

    @Test
    void anUnconfirmedWriteIsRefusedAndNothingReachesTheServer() throws SQLException {
        // pg_stat_statements records every EXPLAIN that reaches the server; the confirmed one shows it would
        ExplainResult control = runner(extended).explain(ExplainRequest.analyze(
                "UPDATE shop.orders AS control_probe SET status = status WHERE id = 9", true));
        ExplainResult refused = runner(extended).explain(ExplainRequest.analyze(
                "UPDATE shop.orders AS never_sent_probe SET status = 'x' WHERE id = 9", false));

        assertThat(control.outcome()).isEqualTo(ExplainResult.Outcome.ANALYZED);
        assertThat(refused.outcome()).isEqualTo(ExplainResult.Outcome.REFUSED);
        assertThat(refused.message()).startsWith("Not run: UPDATE writes rows.");
        assertThat(refused.sent()).isEmpty();
        assertThat(refused.rolledBack()).isFalse();
        assertThat(statementsMentioning("control_probe")).isPositive();
        assertThat(statementsMentioning("never_sent_probe")).isZero();
    }

    @Test
    void aWriteHiddenFromTheClassifierIsStoppedByTheReadOnlyTransaction() throws SQLException {
        try (Connection admin = node.connect(LabCluster.DATABASE); Statement st = admin.createStatement()) {
            st.execute("CREATE VIEW shop.next_order_number AS SELECT nextval('shop.orders_id_seq') AS n");
        }
        long before = Long.parseLong(single(extended, "SELECT last_value FROM shop.orders_id_seq"));
        ExplainResult result = runner(extended).explain(
                ExplainRequest.analyze("SELECT n FROM shop.next_order_number", false));

        assertThat(result.statement().kind()).isEqualTo(StatementKind.READ_ONLY); // the view's call is not in sight
        assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.FAILED);
        assertThat(result.error().orElseThrow().sqlState()).isEqualTo("25006"); // read_only_sql_transaction
        assertThat(Long.parseLong(single(extended, "SELECT last_value FROM shop.orders_id_seq"))).isEqualTo(before);
    }

    @Test
    void aSyntaxErrorIsReportedWithItsSqlStateAndItsPositionInTheOperatorsText() throws SQLException {
        String query = "SELECT * FROM shop.orders ORDER status";
        ExplainResult result = runner(extended).explain(ExplainRequest.analyze(query, false));

        assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.FAILED);
        SqlError error = result.error().orElseThrow();
        assertThat(error.sqlState()).isEqualTo("42601");
        assertThat(error.message()).isEqualTo("syntax error at or near \"status\"");
        assertThat(error.position()).hasValue(query.indexOf("status") + 1);
        assertThat(result.message()).startsWith("ERROR 42601 at character 33: syntax error");
        assertThat(result.sent()).last().isEqualTo("ROLLBACK");
        assertThat(result.rolledBack()).isTrue();
        assertThat(backendState()).isEqualTo("idle");
        // the connection is fine afterwards
        assertThat(runner(extended).explain(ExplainRequest.plan("SELECT 1")).outcome())
                .isEqualTo(ExplainResult.Outcome.PLANNED);
    }

    @Test
    void aSlowQueryIsStoppedByTheStatementTimeout() throws SQLException {
        ExplainRunner bounded = new ExplainRunner(extended, versionNum,
                new ExplainLimits(Duration.ofMillis(500), Duration.ofSeconds(1)));
        ExplainResult result = bounded.explain(ExplainRequest.analyze(
                "SELECT count(*) FROM shop.order_items a CROSS JOIN shop.order_items b", false));

        assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.FAILED);
        assertThat(result.error().orElseThrow().sqlState()).isEqualTo("57014");
        assertThat(result.message()).contains("statement timeout");
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.rolledBack()).isTrue();
        assertThat(single(extended, "SHOW statement_timeout")).isEqualTo("0"); // SET LOCAL ended with the rollback
    }

    @Test
    void aPlanWaitsForATableLockNoLongerThanTheLockTimeout() throws SQLException {
        try (Connection migration = node.connect(LabCluster.DATABASE)) {
            migration.setAutoCommit(false);
            try (Statement st = migration.createStatement()) {
                st.execute("LOCK TABLE shop.products IN ACCESS EXCLUSIVE MODE");
            }
            ExplainRunner bounded = new ExplainRunner(extended, versionNum,
                    new ExplainLimits(Duration.ofSeconds(10), Duration.ofMillis(300)));
            ExplainResult result = bounded.explain(ExplainRequest.plan("SELECT * FROM shop.products"));

            assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.FAILED);
            assertThat(result.error().orElseThrow().sqlState()).isEqualTo("55P03");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
            migration.rollback();
        }
    }

    @Test
    void moreThanOneStatementIsRefusedBeforeAnythingIsSent() throws SQLException {
        long orders = Long.parseLong(single(extended, "SELECT count(*) FROM shop.orders"));
        ExplainResult result = runner(simple).explain(
                ExplainRequest.analyze("SELECT 1; DELETE FROM shop.orders", true));

        assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.REFUSED);
        assertThat(result.message()).startsWith("More than one statement");
        assertThat(result.sent()).isEmpty();
        assertThat(Long.parseLong(single(extended, "SELECT count(*) FROM shop.orders"))).isEqualTo(orders);
    }

    @Test
    void aConnectionInsideTheCallersTransactionIsNotUsed() throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE)) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> runner(c).explain(ExplainRequest.plan("SELECT 1")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("autocommit");
        }
    }

    private ExplainRunner runner(Connection c) {
        return new ExplainRunner(c, versionNum);
    }

    private String status(long orderId) throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE);
             PreparedStatement ps = c.prepareStatement("SELECT status FROM shop.orders WHERE id = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The explain connection's backend as another session sees it. */
    private String backendState() throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE);
             PreparedStatement ps = c.prepareStatement("SELECT state FROM pg_catalog.pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, extendedPid);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private long statementsMentioning(String marker) throws SQLException {
        try (PreparedStatement ps = extended.prepareStatement(
                "SELECT count(*) FROM public.pg_stat_statements WHERE query LIKE '%' || ? || '%'")) {
            ps.setString(1, marker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
