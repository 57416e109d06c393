package dev.vigil.monitor;

import java.sql.SQLException;

/**
 * Reads a collector's SQL error as a DBA would: a connection problem means the node is down; missing privilege
 * or a missing extension is a lasting reason, given with its fix; a timeout says the server is too busy for this
 * collector now.
 */
record CollectorFailure(boolean nodeDown, String reason, String fix) {

    /** The connection or the server is gone (08xxx, admin/crash shutdown): the node is down, not a collector. */
    static boolean isNodeDown(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    static CollectorFailure of(Collector<?> collector, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (isNodeDown(e)) {
            return new CollectorFailure(true, message, "");
        }
        return switch (state) {
            case "42501" -> new CollectorFailure(false, message,
                    "grant the monitoring role pg_monitor (GRANT pg_monitor TO <role>)");
            case "42P01", "42883" -> new CollectorFailure(false, message, collector.name().equals("statements")
                    ? "CREATE EXTENSION pg_stat_statements in the monitored database, with "
                    + "shared_preload_libraries = 'pg_stat_statements'"
                    : "this server lacks what the " + collector.name() + " collector reads; check its version");
            case "55000" -> new CollectorFailure(false, message,
                    "add pg_stat_statements to shared_preload_libraries and restart the server");
            case "57014" -> new CollectorFailure(false, "timed out (statement_timeout): " + message,
                    "the server is busy; the collector is retried later");
            default -> new CollectorFailure(false, message + (state.isEmpty() ? "" : " [" + state + "]"),
                    "retried later");
        };
    }
}
