package dev.vigil.migrate;

import dev.vigil.cluster.NodeStatus;
import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.MigrationStatus;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.script.AnalysedStatement;
import dev.vigil.migrate.script.Creation;
import dev.vigil.migrate.script.Destruction;
import dev.vigil.migrate.script.ScriptPlan;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationSet;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.sql.IdentifierSlots;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks the migration workflows share: before (source, history, node, scripts, data, dry run) and after. */
final class MigrationChecks {
    private MigrationChecks() {}

    // --- before -----------------------------------------------------------------------------------------------

    static Check unread(MigrationTarget t, String error) {
        return Check.of("migrations of " + t.cluster().name() + " on " + t.node().name(), ctx -> CheckResult.fail(
                "migrations of " + t.cluster().name() + " on " + t.node().name(), "not read: " + error,
                "Check the migration folder and that the operator login can reach " + t.node().name()
                        + ", then plan again."));
    }

    static Check source(MigrationTarget t, MigrationReading r) {
        String name = "migration scripts in " + t.source().describe();
        return Check.of(name, ctx -> {
            MigrationSet s = r.source();
            long undos = s.migrations().stream().filter(m -> m.undo().isPresent()).count();
            String read = MigrationText.plural(s.migrations().size(), "migration", "migrations") + ", "
                    + MigrationText.plural(undos, "with an undo script", "with undo scripts");
            if (!s.problems().isEmpty()) {
                return CheckResult.warn(name, read + "; but " + String.join("; ", s.problems()),
                        "Rename or remove those files so that each version has one V-script and at most one U-script.");
            }
            return CheckResult.pass(name, read);
        });
    }

    static Check history(MigrationTarget t, MigrationReading r, boolean mayBeMissing) {
        String name = "history table " + t.settings().history() + " on " + t.node().name();
        return Check.of(name, ctx -> {
            if (!r.historyExists()) {
                return mayBeMissing ? CheckResult.pass(name, "not there yet: the first step creates it as Flyway "
                        + "would") : CheckResult.fail(name, "no table " + t.settings().history() + " in database "
                        + t.node().database() + ", so no migration was applied there", "Point Vigil at the schema "
                        + "where Flyway keeps its history (Flyway's defaultSchema), then plan again.");
            }
            return CheckResult.pass(name, MigrationText.plural(r.history().size(), "row", "rows")
                    + "; schema version " + r.status().currentText() + "; read as " + r.login());
        });
    }

    static Check primary(MigrationTarget t, Topology topology) {
        String name = t.node().name() + " is the primary";
        return Check.of(name, ctx -> {
            Optional<TopologyNode> n = topology.node(t.node().name());
            if (n.isEmpty() || !n.get().reachable()) {
                return CheckResult.fail(name, t.node().name() + " was not reachable: "
                        + n.map(TopologyNode::error).orElse("not read"), "Check the node, then plan again.");
            }
            if (n.get().role() != NodeStatus.Role.PRIMARY) {
                return CheckResult.fail(name, t.node().name() + " is a standby: migrations run on the primary",
                        "Choose the cluster's primary, then plan again.");
            }
            return CheckResult.pass(name, n.get().describe());
        });
    }

    /** Nobody migrated between planning and now; the first time (at planning) it compares with itself. */
    static Check unchanged(MigrationTarget t, MigrationReading r) {
        String name = "history unchanged since planning";
        return Check.of(name, ctx -> {
            List<HistoryRow> now = MigrationReads.history(t, ctx);
            int rank = now.stream().mapToInt(HistoryRow::installedRank).max().orElse(0);
            if (rank != r.lastRank()) {
                HistoryRow last = now.get(now.size() - 1);
                return CheckResult.fail(name, "the history's last row was " + r.lastRank() + " when planned and is "
                        + rank + " now (" + last.type() + " " + last.version().orElse("") + " " + last.script()
                        + " by " + last.installedBy() + ")", "Someone migrated meanwhile: plan again from the "
                        + "history as it is now.");
            }
            return CheckResult.pass(name, "last row " + rank);
        });
    }

    static Check checksum(VersionStatus v) {
        String name = "checksum of " + v.version();
        return Check.of(name, ctx -> {
            if (v.migration().isEmpty()) {
                return CheckResult.warn(name, "version " + v.version() + " was applied from "
                        + v.applied().map(HistoryRow::script).orElse("a script") + ", which is not in the source now",
                        "Restore the V-script to compare; acknowledge to go on without it.");
            }
            MigrationScript script = v.migration().get().apply();
            if (v.checksumMatches().orElse(true)) {
                return CheckResult.pass(name, script.fileName() + " checksum " + script.checksum()
                        + (v.checksumMatches().isPresent() ? ", as applied" : ""));
            }
            return CheckResult.warn(name, script.fileName() + " was applied with checksum "
                    + v.applied().flatMap(HistoryRow::checksum).map(String::valueOf).orElse("?") + " but is "
                    + script.checksum() + " now: the file changed after it ran, so its undo may not match what ran",
                    "Compare the file with what ran (version control), or acknowledge to go on.");
        });
    }

    static Check transactionMode(ScriptPlan plan) {
        String name = "transactions of " + plan.script().fileName();
        return Check.of(name, ctx -> {
            Optional<AnalysedStatement> control = plan.transactionControl();
            if (control.isPresent()) {
                return CheckResult.fail(name, control.get().statement().where() + " controls the transaction itself ("
                        + control.get().statement().brief(40) + ")", "Remove BEGIN/COMMIT/ROLLBACK from the script: "
                        + "Vigil runs each script in transactions it owns, and records the history in the last one.");
            }
            if (plan.singleTransaction()) {
                return CheckResult.pass(name, plan.describe() + ": all or nothing");
            }
            List<String> outside = plan.outsideTransaction().stream().map(a -> a.statement().where() + " "
                    + a.statement().brief(60)).toList();
            return CheckResult.warn(name, MigrationText.plural(outside.size(), "statement cannot", "statements cannot")
                    + " run inside a transaction: " + String.join("; ", outside) + ". The plan: " + plan.describe()
                    + ". If a later part fails, what ran before it stays done.",
                    "Acknowledge to run it this way; statements written with IF EXISTS / IF NOT EXISTS can be run "
                            + "again safely if it stops halfway.");
        });
    }

    /** Rows, values and tables the script would destroy, counted now (bounded) on the node. */
    static Check destroyedData(MigrationTarget t, ScriptPlan plan) {
        String name = "data destroyed by " + plan.script().fileName();
        Duration limit = t.settings().dryRunTimeout();
        return Check.of(name, limit.plusSeconds(5), ctx -> {
            List<Destruction> destroys = plan.destroys();
            if (destroys.isEmpty()) {
                return CheckResult.pass(name, "drops or truncates no table, column or schema");
            }
            List<String> counted = new ArrayList<>();
            boolean any = false;
            try (Connection c = t.operator(limit, ctx)) {
                c.setAutoCommit(false);
                c.setReadOnly(true);
                new GuardedRunner(c, t.settings(), null, () -> false).setLimits(MigrateSql.SET_LOCAL, limit);
                for (Destruction d : destroys) {
                    Count n = count(c, d, t.settings().countLimit());
                    any |= n.unknown() || n.value() > 0;
                    counted.add(d.describe() + ": " + n.text(d));
                }
                c.rollback();
            }
            String evidence = String.join("; ", counted);
            return any ? CheckResult.warn(name, evidence, "This data is gone once it runs: back it up first if it is "
                    + "wanted (pg_dump -t, or COPY … TO), then acknowledge.") : CheckResult.pass(name, evidence);
        });
    }

    private record Count(long value, boolean more, boolean unknown, String note) {
        String text(Destruction d) {
            if (unknown) {
                return note;
            }
            String amount = (more ? "more than " : "") + MigrationText.count(value);
            return switch (d.kind()) {
                case DROP_COLUMN -> amount + (value == 1 && !more ? " value" : " values") + " (rows where it is not null)";
                case DROP_SCHEMA -> note;
                default -> amount + (value == 1 && !more ? " row" : " rows");
            };
        }
    }

    private static Count count(Connection c, Destruction d, long limit) throws SQLException {
        java.sql.Savepoint before = c.setSavepoint();
        try {
            if (d.kind() == Destruction.Kind.DROP_SCHEMA) {
                try (PreparedStatement st = c.prepareStatement(MigrateSql.SCHEMA_SIZE.sql())) {
                    st.setString(1, d.target().name());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        long tables = rs.getLong("relations");
                        long rows = rs.getLong("estimated_rows");
                        return new Count(rows, false, false, MigrationText.plural(tables, "table", "tables")
                                + " with about " + MigrationText.count(rows) + " rows (planner estimate)");
                    }
                }
            }
            IdentifierSlots slots = IdentifierSlots.of().quoted("relation", d.target().quoted());
            d.column().ifPresent(column -> slots.name("column", column));
            String sql = slots.fill((d.kind() == Destruction.Kind.DROP_COLUMN ? MigrateSql.COUNT_VALUES
                    : MigrateSql.COUNT_ROWS).sql());
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setLong(1, limit + 1);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    return new Count(Math.min(n, limit), n > limit, false, "");
                }
            }
        } catch (SQLException e) {
            c.rollback(before);
            String why = "42P01".equals(e.getSQLState()) ? d.target() + " does not exist now"
                    : "42703".equals(e.getSQLState()) ? "the column does not exist now"
                    : SqlErrors.lockTimeout(e) ? "not counted: its table is locked (" + SqlErrors.describe(e) + ")"
                    : "not counted: " + SqlErrors.describe(e);
            return new Count(0, false, true, why);
        }
    }

    /** Runs the scripts in one transaction that is always rolled back, watched, and reports what the server said. */
    static Check dryRun(MigrationTarget t, String name, List<ScriptPlan> plans, List<HistoryEntry> entries) {
        int statements = plans.stream().mapToInt(p -> p.statements().size()).sum();
        Duration limit = t.settings().dryRunTimeout().multipliedBy(Math.max(1, statements))
                .plus(t.settings().guards().lockTimeout()).plusSeconds(5);
        return Check.of(name, limit, ctx -> {
            if (plans.isEmpty()) {
                return CheckResult.pass(name, "nothing to run");
            }
            try (Connection c = t.operator(t.settings().dryRunTimeout(), ctx)) {
                MigrationReads.Server server = MigrationReads.server(c);
                try (SessionWatch watch = SessionWatch.start(t.node(), server.pid(), t.settings().guards())) {
                    if (!watch.unavailable().isEmpty()) {
                        return CheckResult.fail(name, watch.unavailable() + ": the watch that cancels Vigil's own "
                                + "statement if it holds up traffic cannot run", "Check that the monitoring login can "
                                + "connect to " + t.node().name() + " (free connection slots, pg_hba.conf), then plan again.");
                    }
                    GuardedRunner.DryRun r = new GuardedRunner(c, t.settings(), watch, ctx::cancelRequested)
                            .dryRun(plans, entries);
                    String limits = " (lock_timeout " + MigrationText.duration(t.settings().guards().lockTimeout())
                            + ", statement_timeout " + MigrationText.duration(t.settings().dryRunTimeout()) + ")";
                    return switch (r.result()) {
                        case DONE -> CheckResult.pass(name, r.detail() + limits);
                        case LOCK_TIMEOUT -> CheckResult.warn(name, r.detail() + limits, "Another session holds a lock "
                                + "the script needs. A real run retries " + t.settings().guards().retries() + " times; "
                                + "find the holder in the Locks view and end its transaction, or acknowledge to try.");
                        case WATCH_CANCELLED -> CheckResult.warn(name, r.detail() + limits, "It made live traffic wait. "
                                + "Run it when the table is quieter, or acknowledge: the real run is watched the same way.");
                        default -> CheckResult.fail(name, r.detail() + limits, "Fix the script (or what it meets on "
                                + t.node().name() + "), then plan again.");
                    };
                }
            } catch (MissingOperatorLogin e) {
                return CheckResult.fail(name, e.getMessage(), MissingOperatorLogin.fix(t.cluster().name()));
            }
        });
    }

    // --- after ------------------------------------------------------------------------------------------------

    /** The schema version the history gives now. */
    static Check versionNow(MigrationTarget t, MigrationSet source, Optional<MigrationVersion> expected) {
        String want = expected.map(MigrationVersion::toString).orElse("none");
        String name = "schema version on " + t.node().name() + " is " + want;
        return Check.of(name, ctx -> {
            MigrationStatus now = MigrationStatus.of(source, MigrationReads.history(t, ctx));
            if (now.current().equals(expected)) {
                return CheckResult.pass(name, "the history says " + now.currentText());
            }
            return CheckResult.fail(name, "the history says " + now.currentText() + ", not " + want,
                    "Read the history (vigil migrate status) and the steps' results before acting again.");
        });
    }

    /** The version's last history row is of the expected kind (an undo marker, or a successful application). */
    static Check recorded(MigrationTarget t, MigrationVersion version, boolean undone) {
        String name = "history records " + (undone ? "the undo of " : "") + version;
        return Check.of(name, ctx -> {
            Optional<HistoryRow> last = MigrationReads.history(t, ctx).stream()
                    .filter(r -> r.parsedVersion().filter(version::equals).isPresent()).reduce((a, b) -> b);
            boolean ok = last.filter(r -> r.success() && (undone ? r.undoes() : r.applies())).isPresent();
            String seen = last.map(r -> "row " + r.installedRank() + ": " + r.type() + " " + r.script()
                    + (r.success() ? "" : " (failed)")).orElse("no row for " + version);
            return ok ? CheckResult.pass(name, seen) : CheckResult.fail(name, seen, "Compare the history with the "
                    + "step's result before acting again.");
        });
    }

    /** Each object exists ({@code shouldExist}) or is gone, as the catalog says now. */
    static Check catalog(MigrationTarget t, String name, List<Creation> objects, boolean shouldExist, String none) {
        return Check.of(name, ctx -> {
            if (objects.isEmpty()) {
                return CheckResult.pass(name, none);
            }
            List<String> wrong = new ArrayList<>();
            List<String> right = new ArrayList<>();
            try (Connection c = t.operator(MigrationReads.READ_TIMEOUT, ctx)) {
                c.setAutoCommit(false);
                new GuardedRunner(c, t.settings(), null, () -> false).setLimits(MigrateSql.SET_LOCAL,
                        MigrationReads.READ_TIMEOUT);
                for (Creation o : objects) {
                    boolean present = exists(c, o);
                    (present == shouldExist ? right : wrong).add(o.describe());
                }
                c.rollback();
            }
            String state = shouldExist ? "exists" : "gone";
            if (wrong.isEmpty()) {
                return CheckResult.pass(name, state + ": " + String.join(", ", right));
            }
            return CheckResult.fail(name, (shouldExist ? "missing: " : "still there: ") + String.join(", ", wrong),
                    "The script did not do what its name says: compare it with the V-script before acting again.");
        });
    }

    private static boolean exists(Connection c, Creation o) throws SQLException {
        if (o.kind() == Creation.Kind.COLUMN) {
            try (PreparedStatement st = c.prepareStatement(MigrateSql.COLUMN_EXISTS.sql())) {
                st.setString(1, o.relation().quoted());
                st.setString(2, o.column().orElseThrow());
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement(MigrateSql.RELATION_EXISTS.sql())) {
            st.setString(1, o.relation().quoted());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** No session waits on a lock that a Vigil action session holds or has asked for. */
    static Check noSessionWaits(MigrationTarget t) {
        String name = "no session waits on Vigil on " + t.node().name();
        return Check.of(name, ctx -> {
            try (Connection c = ActionConnections.reader(t.node(), new ActionConnections.Limits(MigrationReads.READ_TIMEOUT,
                    Duration.ofSeconds(1)));
                 PreparedStatement st = c.prepareStatement(MigrateSql.BLOCKED_BY_APPLICATION.sql())) {
                ctx.abortOnTimeout(() -> c.abort(Runnable::run));
                st.setString(1, ActionConnections.APPLICATION_NAME);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    return n == 0 ? CheckResult.pass(name, "no session waits on a " + ActionConnections.APPLICATION_NAME
                            + " session") : CheckResult.fail(name, MigrationText.plural(n, "session waits", "sessions wait")
                            + " on a " + ActionConnections.APPLICATION_NAME + " session", "Look at the Locks view: a "
                            + "Vigil action still holds a lock.");
                }
            }
        });
    }
}
