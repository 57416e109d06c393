package dev.vigil.migrate;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.ActionConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one migration backend from a connection of its own: which sessions wait on it, and whom it waits for.
 * When more than {@link Guards#blockedLimit()} sessions have waited on it for longer than
 * {@link Guards#blockedFor()}, it cancels the migration's running statement (a JDBC cancel, which signals only
 * that statement, and only while it runs). A watch that cannot connect says so and leaves the lock timeout as
 * the only guard.
 */
final class SessionWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWatch.class);
    private static final ActionConnections.Limits READ_LIMITS = new ActionConnections.Limits(Duration.ofSeconds(2),
            Duration.ofMillis(500));

    private final int pid;
    private final Guards guards;
    private final Connection connection;
    private final ScheduledExecutorService poller;
    private final String unavailable;
    private final WatchTrigger trigger;
    private Statement running;
    private int peakBlocked;
    private List<WatchedSession> lastBlockers = List.of();

    private SessionWatch(int pid, Guards guards, Connection connection, String unavailable) {
        this.pid = pid;
        this.guards = guards;
        this.connection = connection;
        this.unavailable = unavailable;
        this.trigger = new WatchTrigger(guards);
        if (connection == null) {
            this.poller = null;
            return;
        }
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-migration-watch-" + pid);
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, guards.watchEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code pid} on {@code node} through the monitoring login. */
    static SessionWatch start(NodeEndpoint node, int pid, Guards guards) {
        try {
            return new SessionWatch(pid, guards, ActionConnections.reader(node, READ_LIMITS), "");
        } catch (SQLException e) {
            return new SessionWatch(pid, guards, null, "the watch could not connect to " + node.name() + ": "
                    + SqlErrors.describe(e));
        }
    }

    /** Why there is no watch; empty when it runs. */
    String unavailable() {
        return unavailable;
    }

    /** The statement now sent on the migration connection: the one a cancel would stop. */
    synchronized void running(Statement statement) {
        running = statement;
    }

    /** The statement ended; {@code completed} when it returned normally, so a cancel sent for it missed. */
    synchronized void idle(boolean completed) {
        running = null;
        trigger.statementEnded(completed);
    }

    /** Forgets what it saw before a new attempt: a cancel, the sessions waiting, the last blockers. */
    synchronized void reset() {
        trigger.reset();
        lastBlockers = List.of();
    }

    /** Whether {@code error} is this watch's cancel, sent for the failing statement or, late, for an earlier one. */
    synchronized boolean cancelled(java.sql.SQLException error) {
        return trigger.explains(error.getSQLState(), error.getMessage());
    }

    synchronized String firedReason() {
        return trigger.reason();
    }

    synchronized int peakBlocked() {
        return peakBlocked;
    }

    /** Who the migration waited for at the last look that saw it wait, in this attempt. */
    synchronized List<WatchedSession> lastBlockers() {
        return lastBlockers;
    }

    private void poll() {
        List<WatchedSession> nowBlocked = new ArrayList<>();
        List<WatchedSession> nowBlockers = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(MigrateSql.WATCH.sql())) {
            st.setInt(1, pid);
            st.setInt(2, pid);
            st.setInt(3, pid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp since = rs.getTimestamp("since");
                    WatchedSession s = new WatchedSession(rs.getInt("pid"), nullToEmpty(rs.getString("usename")),
                            nullToEmpty(rs.getString("application_name")), nullToEmpty(rs.getString("state")),
                            Optional.ofNullable(since).map(Timestamp::toInstant), nullToEmpty(rs.getString("query")));
                    ("blocked".equals(rs.getString("relation")) ? nowBlocked : nowBlockers).add(s);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("migration watch of pid {} could not look: {}", pid, e.toString());
            return;
        }
        synchronized (this) {
            if (!nowBlockers.isEmpty()) {
                lastBlockers = List.copyOf(nowBlockers);
            }
            peakBlocked = Math.max(peakBlocked, nowBlocked.size());
            // Cancelled while holding the monitor, so the statement cannot be swapped for the next one meanwhile;
            // the runner's idle() waits for the cancel request to be sent.
            if (trigger.observe(nowBlocked.size(), running != null, Instant.now()).isPresent()) {
                try {
                    running.cancel();
                } catch (SQLException e) {
                    LOG.warn("The migration watch could not cancel pid {}: {}", pid, e.toString());
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the watch connection", e);
            }
        }
    }
}
