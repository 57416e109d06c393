package dev.vigil.ops.explain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.postgresql.PGConnection;
import org.postgresql.jdbc.PreferQueryMode;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Explains one statement at a time on a connection the caller owns and keeps open. Every explain runs in its own
 * transaction with a statement and a lock timeout, and that transaction is always rolled back: plain EXPLAIN in a
 * read-only one, EXPLAIN ANALYZE in a read-only one too unless the operator confirmed a writing statement.
 *
 * <p>The connection must be in autocommit mode (no transaction of the caller's is open, since this one would
 * end it). For texts with $1 placeholders it must use the simple query protocol (pgjdbc
 * {@code preferQueryMode=simple}); see ADR 0017. Not thread-safe: one explain at a time per connection.
 */
public final class ExplainRunner {
    private static final int CLIENT_TIMEOUT_MARGIN_SECONDS = 5;

    private final Connection connection;
    private final int serverVersionNum;
    private final ExplainLimits limits;

    public ExplainRunner(Connection connection, int serverVersionNum) {
        this(connection, serverVersionNum, ExplainLimits.DEFAULT);
    }

    public ExplainRunner(Connection connection, int serverVersionNum, ExplainLimits limits) {
        this.connection = connection;
        this.serverVersionNum = serverVersionNum;
        this.limits = limits;
    }

    /**
     * Classifies, decides, and if allowed explains. Refusals send nothing; server errors come back in the result.
     *
     * @throws IllegalStateException if the connection is not in autocommit mode
     */
    public ExplainResult explain(ExplainRequest request) throws SQLException {
        ClassifiedStatement statement = StatementClassifier.classify(request.query());
        ExplainForm.Decision decision = ExplainForm.decide(statement, request, serverVersionNum, usesSimpleProtocol());
        if (decision instanceof ExplainForm.Refuse refuse) {
            return ExplainResult.refused(statement, refuse.reason());
        }
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("ExplainRunner needs a connection in autocommit mode: it opens and rolls "
                    + "back a transaction of its own, which would end one of the caller's.");
        }
        return run(statement, (ExplainForm.Run) decision);
    }

    private ExplainResult run(ClassifiedStatement statement, ExplainForm.Run run) {
        List<String> sent = new ArrayList<>();
        long start = System.nanoTime();
        String explain = run.form().statementFor(statement);
        Optional<QueryPlan> plan = Optional.empty();
        Optional<SqlError> error = Optional.empty();
        boolean rolledBack = false;
        try {
            execute(run.readOnlyTransaction() ? ExplainSql.BEGIN_READ_ONLY : ExplainSql.BEGIN_READ_WRITE, sent);
            setLimits(sent);
            sent.add(explain);
            plan = Optional.of(PlanJson.parse(explainJson(explain)));
        } catch (SQLException e) {
            boolean inExplain = !sent.isEmpty() && sent.get(sent.size() - 1).equals(explain);
            error = Optional.of(errorOf(e, inExplain ? run.form().prefix().length() : -1));
        } catch (IllegalArgumentException e) {
            error = Optional.of(new SqlError("", "Unexpected EXPLAIN output: " + e.getMessage(), Optional.empty(),
                    Optional.empty(), OptionalInt.empty()));
        } finally {
            try {
                execute(ExplainSql.ROLLBACK, sent);
                rolledBack = true;
            } catch (SQLException e) {
                error = error.or(() -> Optional.of(errorOf(e, -1)));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (error.isPresent()) {
            String message = error.get().describe() + (rolledBack ? ""
                    : "\nThe rollback could not be sent; the server rolls back a transaction whose connection ends.");
            return new ExplainResult(ExplainResult.Outcome.FAILED, statement, Optional.of(run.form()), message, sent,
                    Optional.empty(), error, rolledBack, elapsed);
        }
        boolean analyzed = run.form().executes();
        String message = switch (run.form()) {
            case PLAN -> "Planned; nothing was run.";
            case GENERIC_PLAN -> "Generic plan for the $n placeholders (GENERIC_PLAN); nothing was run.";
            case ANALYZE -> statement.isWriting()
                    ? "Ran with EXPLAIN ANALYZE and rolled back: its changes are undone (sequence values it drew are not)."
                    : "Ran with EXPLAIN ANALYZE in a read-only transaction, rolled back.";
        };
        return new ExplainResult(analyzed ? ExplainResult.Outcome.ANALYZED : ExplainResult.Outcome.PLANNED,
                statement, Optional.of(run.form()), message, sent, plan, Optional.empty(), rolledBack, elapsed);
    }

    private void execute(ExplainSql sql, List<String> sent) throws SQLException {
        String text = sql.sql(serverVersionNum);
        sent.add(text);
        try (Statement st = connection.createStatement()) {
            st.execute(text);
        }
    }

    private void setLimits(List<String> sent) throws SQLException {
        String text = ExplainSql.LIMITS.sql(serverVersionNum);
        String statementTimeout = limits.statementTimeout().toMillis() + "ms";
        String lockTimeout = limits.lockTimeout().toMillis() + "ms";
        sent.add(text.replaceAll("\\s+", " ") + " -- " + statementTimeout + ", " + lockTimeout);
        try (PreparedStatement ps = connection.prepareStatement(text)) {
            ps.setString(1, statementTimeout);
            ps.setString(2, lockTimeout);
            ps.executeQuery().close();
        }
    }

    /** The operator's statement goes to the server exactly as classified: no JDBC escape processing. */
    private String explainJson(String explain) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            // The server's statement_timeout bounds the work; this only guards against a server that stops answering.
            st.setQueryTimeout((int) limits.statementTimeout().toSeconds() + CLIENT_TIMEOUT_MARGIN_SECONDS);
            try (ResultSet rs = st.executeQuery(explain)) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("EXPLAIN returned no row");
                }
                return rs.getString(1);
            }
        }
    }

    private boolean usesSimpleProtocol() throws SQLException {
        return connection.isWrapperFor(PGConnection.class)
                && connection.unwrap(PGConnection.class).getPreferQueryMode() == PreferQueryMode.SIMPLE;
    }

    /**
     * The error as the server reported it. A position the server gives counts from the start of the EXPLAIN
     * statement sent; it is moved to count in the operator's text, and dropped when it points into the prefix.
     */
    static SqlError errorOf(SQLException e, int prefixLength) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (server == null) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new SqlError(state, message, Optional.empty(), Optional.empty(), OptionalInt.empty());
        }
        int inStatement = prefixLength < 0 || server.getPosition() <= 0 ? 0 : server.getPosition() - prefixLength;
        return new SqlError(server.getSQLState() == null ? state : server.getSQLState(),
                server.getMessage() == null ? "" : server.getMessage(), Optional.ofNullable(server.getDetail()),
                Optional.ofNullable(server.getHint()), inStatement > 0 ? OptionalInt.of(inStatement) : OptionalInt.empty());
    }
}
