package dev.vigil.cli.migrate;

import dev.vigil.locks.InFlightMigration;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** `vigil migrate status` as text: where it read, a table of versions, then pending, failed, undo, in flight. */
final class MigrationStatusText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int QUERY_CHARS = 160;

    private MigrationStatusText() {}

    static void print(PrintWriter out, MigrationStatusReport r) {
        out.println("Migrations of " + r.cluster() + " on " + r.node() + " (" + r.role() + "), from " + r.source());
        out.println(r.historyExists()
                ? "History " + r.history() + ", read as " + r.readAs() + ". Schema version: " + r.schemaVersion() + "."
                : "History " + r.history() + " is not there: nothing was applied in this schema yet (the first "
                + "'vigil migrate apply' creates it as Flyway would).");
        out.println();
        table(out, r.versions());
        out.println();
        out.println("Pending: " + list(r.pending()) + (r.pending().isEmpty() ? "."
                : " ('vigil migrate apply --dry-run' shows the plan and its prechecks)."));
        out.println("Failed: " + list(r.failed()) + (r.failed().isEmpty() ? "."
                : " (recorded as failed halfway: finish or undo it by hand, then repair its history row)."));
        out.println("Without an undo script: " + list(r.withoutUndo()) + (r.withoutUndo().isEmpty() ? "."
                : " (Vigil cannot roll these back; apply refuses a pending one unless --allow-missing-undo)."));
        inFlight(out, r);
        if (!r.problems().isEmpty()) {
            out.println("Problems in the " + r.source() + ":");
            r.problems().forEach(p -> out.println("  " + p));
            out.println("  Fix: rename or remove them. Vigil reads V<version>__<description>.sql and "
                    + "U<version>__<description>.sql, one of each per version at most.");
        }
    }

    private static void table(PrintWriter out, List<MigrationStatusReport.Version> versions) {
        if (versions.isEmpty()) {
            out.println("  (no migration in the folder and none in the history)");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "STATE", "CHECKSUM", "UNDO", "DESCRIPTION", "APPLIED"});
        for (MigrationStatusReport.Version v : versions) {
            rows.add(new String[] {v.version(), v.state().equals("failed") ? "FAILED" : v.state(),
                    v.checksumMatches().map(m -> m ? "matches" : "CHANGED").orElse("-"), v.undo().orElse("-"),
                    v.description(), v.installedOn().map(t -> TIME.format(t) + " by " + v.installedBy().orElse("?")
                    + " in " + v.executionMillis().orElse(0) + " ms").orElse("")});
        }
        int[] width = new int[rows.get(0).length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < width.length; i++) {
                line.append(' ').append(row[i]).append(" ".repeat(width[i] - row[i].length() + 1));
            }
            out.println((line + " " + row[width.length]).stripTrailing());
        }
    }

    private static void inFlight(PrintWriter out, MigrationStatusReport r) {
        if (r.inFlightUnread().isPresent()) {
            out.println("In flight on " + r.node() + " now: not read (" + r.inFlightUnread().get() + ").");
            return;
        }
        if (r.inFlight().isEmpty()) {
            out.println("In flight on " + r.node() + " now: none seen (" + MigrationsInFlight.LOOKS_FOR + ").");
            return;
        }
        out.println("In flight on " + r.node() + " now: " + (r.inFlight().size() == 1
                ? "1 session that looks" : r.inFlight().size() + " sessions that look") + " like a migration holding up "
                + "others:");
        for (InFlightMigration m : r.inFlight()) {
            out.println("  " + m.describe() + m.tool().map(t -> "; a " + t + " session").orElse("")
                    + (m.ddl() ? "; running DDL" : ""));
            String query = m.query().strip().replaceAll("\\s+", " ");
            if (!query.isEmpty()) {
                out.println("    " + (query.length() > QUERY_CHARS ? query.substring(0, QUERY_CHARS) + "…" : query));
            }
        }
        out.println("  Stop one safely: vigil migrate stop --cluster " + r.cluster() + " --node " + r.node() + " --pid "
                + r.inFlight().get(0).pid() + " (or the window's Locks view). It cancels first and verifies the locks "
                + "are gone, the tables kept their shape and the history does not claim it.");
    }

    private static String list(List<String> versions) {
        return versions.isEmpty() ? "none" : String.join(", ", versions);
    }
}
