package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.history.SchemaHistory;
import dev.vigil.migrate.script.AnalysedStatement;
import dev.vigil.migrate.script.ScriptPlan.Segment;
import dev.vigil.migrate.script.ScriptPlan;
import dev.vigil.ops.workflow.Command;
import dev.vigil.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact text a migration step sends, for the plan and the journal: the limits it sets, the script's
 * statements as written grouped into their transactions, the history row, and what happens on a lock timeout.
 */
public final class ScriptCommand {
    private ScriptCommand() {}

    public static Command of(ScriptPlan plan, HistoryEntry history, MigrationSettings settings) {
        Guards g = settings.guards();
        List<String> lines = new ArrayList<>();
        lines.add("-- " + plan.script().location() + ": " + plan.describe());
        List<Segment> segments = plan.segments().isEmpty() ? List.of(new Segment(true, List.of())) : plan.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (s.transactional()) {
                lines.add("BEGIN;");
                limits(lines, settings, true);
                s.statements().forEach(a -> lines.add(text(a)));
                if (last) {
                    lines.add(insert(history, settings));
                }
                lines.add("COMMIT;");
            } else {
                lines.add("-- outside a transaction:");
                limits(lines, settings, false);
                lines.add(text(s.statements().get(0)));
            }
        }
        if (!plan.historyWithLastSegment() && !plan.segments().isEmpty()) {
            lines.add("BEGIN;");
            lines.add(insert(history, settings));
            lines.add("COMMIT;");
        }
        List<String> pauses = new ArrayList<>();
        for (int n = 1; n <= g.retries(); n++) {
            pauses.add(MigrationText.duration(g.pauseBefore(n)));
        }
        lines.add("-- on a lock timeout (SQLSTATE 55P03): ROLLBACK, "
                + (g.retries() == 0 ? "no retry" : "pause " + MigrationText.and(pauses) + " and try again ("
                + MigrationText.plural(g.retries(), "retry", "retries") + ")")
                + "; cancelled by Vigil if more than " + MigrationText.plural(g.blockedLimit(), "session waits",
                "sessions wait") + " on it for "
                + MigrationText.duration(g.blockedFor()));
        return Command.described(String.join("\n", lines));
    }

    private static void limits(List<String> lines, MigrationSettings settings, boolean local) {
        String scope = local ? "true" : "false";
        lines.add("SELECT pg_catalog.set_config('lock_timeout', '" + settings.guards().lockTimeout().toMillis()
                + "ms', " + scope + ");");
        lines.add("SELECT pg_catalog.set_config('statement_timeout', '" + settings.guards().statementTimeout().toMillis()
                + "ms', " + scope + ");");
        settings.searchPath().ifPresent(p -> lines.add("SELECT pg_catalog.set_config('search_path', '"
                + Identifiers.quote(p).replace("'", "''") + "', " + scope + ");"));
    }

    private static String text(AnalysedStatement a) {
        return a.statement().sql() + ";";
    }

    private static String insert(HistoryEntry e, MigrationSettings settings) {
        return "INSERT INTO " + settings.history().quoted() + " (…) -- " + SchemaHistory.describe(e) + ", "
                + (e.success() ? "success" : "failed") + ", installed_by current_user";
    }
}
