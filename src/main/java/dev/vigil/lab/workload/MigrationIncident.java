package dev.vigil.lab.workload;

import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.host.LabException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The postmortem's incident as a drill: a "migration" (application_name {@code flyway}) that adds a column to the
 * hot {@code shop.orders} table — taking ACCESS EXCLUSIVE — and then sleeps inside its transaction, so every query
 * on orders queues behind it. Nothing is committed: when it ends, however it ends, its transaction rolls back.
 */
public final class MigrationIncident implements AutoCloseable {
    public static final String APPLICATION = "flyway";
    public static final String DDL = "ALTER TABLE shop.orders ADD COLUMN gift_note text";
    private final Connection connection;
    private final int pid;

    private MigrationIncident(Connection connection, int pid) {
        this.connection = connection;
        this.pid = pid;
    }

    /** Takes the lock on the cluster's primary and returns once it is held; {@link #sleep} then holds it. */
    public static MigrationIncident start(LabCluster cluster) {
        LabNode primary = cluster.primary();
        Properties props = new Properties();
        props.setProperty("user", LabCredentials.SUPERUSER);
        props.setProperty("password", cluster.credentials().superuserPassword());
        props.setProperty("ApplicationName", APPLICATION);
        try {
            Connection c = DriverManager.getConnection(primary.jdbcUrl(LabCluster.DATABASE), props);
            int pid;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(DDL);
            }
            return new MigrationIncident(c, pid);
        } catch (SQLException e) {
            throw new LabException("Could not start the migration drill on " + primary + ": " + e.getMessage(), e);
        }
    }

    public int pid() {
        return pid;
    }

    /**
     * Sleeps in the migration's transaction, holding the lock, for at most {@code duration}. Returns how it ended:
     * "finished" when the time ran out, else the SQLSTATE of what stopped it (57014 for a cancel, 57P01 for a
     * terminate).
     */
    public String sleep(Duration duration) {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_sleep(" + Math.max(1, duration.toSeconds()) + ")");
            return "finished";
        } catch (SQLException e) {
            return e.getSQLState() == null ? e.getMessage() : e.getSQLState();
        }
    }

    /** Rolls back whatever is left and closes the session. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing rolls the transaction back on the server either way.
        }
    }
}
