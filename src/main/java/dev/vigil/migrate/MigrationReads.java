package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.MigrationStatus;
import dev.vigil.migrate.history.SchemaHistory;
import dev.vigil.migrate.source.MigrationSet;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.WorkflowContext;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** Reads source and history for a workflow, through the operator login (the history needs no more). */
final class MigrationReads {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private MigrationReads() {}

    /** What the server says about itself and the login. */
    record Server(int pid, int versionNum, boolean inRecovery, String login) {}

    static Server server(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(MigrateSql.SERVER.sql())) {
            rs.next();
            return new Server(rs.getInt("pid"), rs.getInt("version_num"), rs.getBoolean("in_recovery"),
                    rs.getString("login"));
        }
    }

    static MigrationReading read(MigrationTarget target, WorkflowContext context)
            throws IOException, SQLException, MissingOperatorLogin {
        MigrationSet set = target.source().load();
        try (Connection c = target.operator(READ_TIMEOUT, context)) {
            Server server = server(c);
            boolean exists = SchemaHistory.exists(c, target.settings().history());
            List<HistoryRow> rows = exists ? SchemaHistory.read(c, target.settings().history()) : List.of();
            return new MigrationReading(set, exists, rows, server.versionNum(), server.inRecovery(), server.login(),
                    MigrationStatus.of(set, rows));
        }
    }

    /** The history alone, as it is now. */
    static List<HistoryRow> history(MigrationTarget target, WorkflowContext context)
            throws SQLException, MissingOperatorLogin {
        try (Connection c = target.operator(READ_TIMEOUT, context)) {
            return SchemaHistory.read(c, target.settings().history());
        }
    }
}
