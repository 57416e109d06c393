package dev.vigil.migrate;

import dev.vigil.migrate.ScriptPlan.Segment;
import dev.vigil.migrate.script.AnalysedStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Runs migration scripts under the guards on one connection: each segment in its own transaction with
 * {@code SET LOCAL lock_timeout} and {@code statement_timeout}, retried after a lock timeout with a growing pause,
 * never retried after the watch cancelled it; the history row written in the same transaction as the last
 * statements. The scripts run exactly as written.
 */
final class GuardedRunner {
    private final Connection c;
    private final MigrationSettings settings;
    private final SessionWatch watch;
    private final BooleanSupplier cancelRequested;

    GuardedRunner(Connection c, MigrationSettings settings, SessionWatch watch, BooleanSupplier cancelRequested) {
        this.c = c;
        this.settings = settings;
        this.watch = watch;
        this.cancelRequested = cancelRequested;
    }

    /**
     * Runs the script and records {@code success} with it. If a segment outside a transaction had committed
     * before a later one failed, {@code partial} (when given) is recorded on its own, as Flyway records a failed
     * non-transactional migration.
     */
    RunReport run(ScriptPlan plan, HistoryEntry success, Optional<HistoryEntry> partial) {
        Guards g = settings.guards();
        List<String> log = new ArrayList<>();
        Duration lockWaited = Duration.ZERO;
        long executionMillis = 0;
        boolean committedSome = false;
        if (plan.transactionControl().isPresent()) {
            return report(RunReport.Result.FAILED, plan.script().fileName() + " " + plan.transactionControl().get()
                    .statement().where() + " controls the transaction itself ("
                    + plan.transactionControl().get().statement().brief(40) + "); Vigil runs scripts only in "
                    + "transactions it owns, so nothing was run", 0, lockWaited, 0, false, OptionalInt.empty(), log);
        }
        List<Segment> segments = plan.segments();
        OptionalInt rank = OptionalInt.empty();
        for (int i = 0; i < Math.max(1, segments.size()); i++) {
            Optional<Segment> segment = segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(i));
            boolean last = i == Math.max(1, segments.size()) - 1;
            boolean historyHere = last && segment.map(Segment::transactional).orElse(true);
            int attempt = 0;
            while (true) {
                attempt++;
                if (cancelRequested.getAsBoolean()) {
                    return report(RunReport.Result.CANCELLED, "cancelled by the operator before "
                            + where(plan, segment) + (attempt > 1 ? " was tried again" : " ran"), attempt - 1,
                            lockWaited, executionMillis, committedSome, rank, log);
                }
                watchReset();
                long t0 = System.nanoTime();
                Phase phase = new Phase();
                try {
                    OptionalInt r = segment.isEmpty() || segment.get().transactional()
                            ? inTransaction(segment, historyHere ? Optional.of(success) : Optional.empty(), t0, phase)
                            : outsideTransaction(segment.get());
                    long took = (System.nanoTime() - t0) / 1_000_000;
                    executionMillis += took;
                    if (r.isPresent()) {
                        rank = r;
                    }
                    committedSome = true;
                    log.add(where(plan, segment) + ": done in " + took + " ms"
                            + (attempt > 1 ? " at attempt " + attempt : ""));
                    break;
                } catch (SQLException e) {
                    rollbackQuietly();
                    // A statement that cannot run in a transaction and cannot be retried (CREATE INDEX CONCURRENTLY)
                    // leaves what it built so far (an invalid index) when it fails: that is partly applied too.
                    boolean leftBehind = committedSome || segment.filter(x -> !x.transactional() && !x.retrySafe())
                            .isPresent();
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    String error = SqlErrors.describe(e);
                    String at = where(plan, segment) + phase.statement.map(s -> ", " + s.statement().where()).orElse("");
                    if (watch != null && watch.cancelled(e)) {
                        log.add(at + ": cancelled by the watch: " + watch.firedReason());
                        return report(RunReport.Result.WATCH_CANCELLED, "Vigil cancelled its own statement at " + at
                                + " because " + watch.firedReason() + "; " + rolledBack(segment, leftBehind)
                                + recordPartial(plan, partial, leftBehind, executionMillis, log), attempt,
                                lockWaited, executionMillis, leftBehind, rank, log);
                    }
                    if (phase.committing && SqlErrors.connectionLost(e)) {
                        return report(RunReport.Result.UNKNOWN, "the connection broke during the commit of " + at
                                + ": it may or may not have been committed (" + error + ")", attempt, lockWaited,
                                executionMillis, true, rank, log);
                    }
                    if (SqlErrors.lockTimeout(e)) {
                        lockWaited = lockWaited.plus(took);
                        log.add(at + ": lock timeout after " + MigrationText.duration(took) + " (attempt " + attempt
                                + blockersText() + ")");
                        boolean retry = attempt <= g.retries() && segment.map(Segment::retrySafe).orElse(true);
                        if (retry) {
                            Duration pause = g.pauseBefore(attempt);
                            lockWaited = lockWaited.plus(pause);
                            try {
                                Thread.sleep(pause.toMillis());
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                                return report(RunReport.Result.CANCELLED, "stopped during the pause after a lock "
                                        + "timeout at " + at + "; " + rolledBack(segment, leftBehind), attempt,
                                        lockWaited, executionMillis, leftBehind, rank, log);
                            }
                            continue;
                        }
                        String why = attempt > g.retries() ? "gave up after " + MigrationText.plural(attempt,
                                "attempt", "attempts") + " (lock_timeout " + MigrationText.duration(g.lockTimeout())
                                + " each, " + MigrationText.duration(lockWaited) + " with the pauses)"
                                : "not retried: a failed attempt of this statement leaves an invalid index behind";
                        return report(RunReport.Result.LOCK_TIMEOUT, at + " could not get its lock: " + why
                                + blockersText() + "; " + rolledBack(segment, leftBehind)
                                + recordPartial(plan, partial, leftBehind, executionMillis, log), attempt,
                                lockWaited, executionMillis, leftBehind, rank, log);
                    }
                    log.add(at + ": " + error);
                    return report(RunReport.Result.FAILED, at + " failed: " + error + " — "
                            + phase.statement.map(s -> s.statement().brief(80)).orElse("") + "; "
                            + rolledBack(segment, leftBehind)
                            + recordPartial(plan, partial, leftBehind, executionMillis, log), attempt, lockWaited,
                            executionMillis, leftBehind, rank, log);
                }
            }
        }
        if (!plan.historyWithLastSegment() && !segments.isEmpty()) {
            try {
                rank = OptionalInt.of(appendAlone(success, executionMillis));
            } catch (SQLException e) {
                rollbackQuietly();
                return report(RunReport.Result.FAILED, "every statement of " + plan.script().fileName() + " ran, but "
                        + "the history row could not be written: " + SqlErrors.describe(e), 1, lockWaited,
                        executionMillis, true, rank, log);
            }
        }
        return report(RunReport.Result.DONE, plan.script().fileName() + ": " + MigrationText.plural(
                plan.statements().size(), "statement", "statements") + " in " + executionMillis + " ms"
                + (lockWaited.isZero() ? "" : " after " + MigrationText.duration(lockWaited) + " of lock timeouts and "
                + "pauses") + rank.stream().mapToObj(r -> "; history row " + r).findFirst().orElse(""), 1, lockWaited,
                executionMillis, false, rank, log);
    }

    /** Where the run is, for its step and the statement running, so a failure can be placed exactly. */
    private static final class Phase {
        Optional<AnalysedStatement> statement = Optional.empty();
        boolean committing;
    }

    private OptionalInt inTransaction(Optional<Segment> segment, Optional<HistoryEntry> history, long t0, Phase phase)
            throws SQLException {
        c.setAutoCommit(false);
        setLimits(MigrateSql.SET_LOCAL, settings.guards().statementTimeout());
        if (segment.isPresent()) {
            for (AnalysedStatement s : segment.get().statements()) {
                phase.statement = Optional.of(s);
                execute(s);
            }
        }
        phase.statement = Optional.empty();
        OptionalInt rank = OptionalInt.empty();
        if (history.isPresent()) {
            ensureHistoryTable();
            rank = OptionalInt.of(SchemaHistory.append(c, settings.history(), history.get(),
                    (System.nanoTime() - t0) / 1_000_000));
        }
        phase.committing = true;
        c.commit();
        return rank;
    }

    private OptionalInt outsideTransaction(Segment segment) throws SQLException {
        c.setAutoCommit(true);
        setLimits(MigrateSql.SET_SESSION, settings.guards().statementTimeout());
        execute(segment.statements().get(0));
        return OptionalInt.empty();
    }

    private int appendAlone(HistoryEntry entry, long executionMillis) throws SQLException {
        c.setAutoCommit(false);
        ensureHistoryTable();
        int rank = SchemaHistory.append(c, settings.history(), entry, executionMillis);
        c.commit();
        return rank;
    }

    private void ensureHistoryTable() throws SQLException {
        if (!SchemaHistory.exists(c, settings.history())) {
            SchemaHistory.create(c, settings.history());
        }
    }

    private void execute(AnalysedStatement s) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (watch != null) {
                watch.running(st);
            }
            boolean completed = false;
            try {
                st.execute(s.statement().sql());
                completed = true;
            } finally {
                if (watch != null) {
                    watch.idle(completed);
                }
            }
        }
    }

    /** lock_timeout, statement_timeout and, when configured, search_path: for the transaction or the session. */
    void setLimits(MigrateSql how, Duration statementTimeout) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(how.sql())) {
            set(st, "lock_timeout", settings.guards().lockTimeout().toMillis() + "ms");
            set(st, "statement_timeout", statementTimeout.toMillis() + "ms");
            if (settings.searchPath().isPresent()) {
                set(st, "search_path", dev.vigil.sql.Identifiers.quote(settings.searchPath().get()));
            }
        }
    }

    private static void set(PreparedStatement st, String name, String value) throws SQLException {
        st.setString(1, name);
        st.setString(2, value);
        st.execute();
    }

    // --- the dry run ----------------------------------------------------------------------------------------

    /**
     * Runs the scripts in order inside one transaction that is always rolled back, each followed by its history
     * row, under the lock timeout and the dry run's statement timeout. Statements that cannot run in a
     * transaction are skipped and said so. Stops at the first error, which it reports exactly.
     */
    DryRun dryRun(List<ScriptPlan> plans, List<HistoryEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (ScriptPlan p : plans) {
            if (p.transactionControl().isPresent()) {
                return new DryRun(RunReport.Result.FAILED, p.script().fileName() + " " + p.transactionControl().get()
                        .statement().where() + " controls the transaction itself ("
                        + p.transactionControl().get().statement().brief(40) + "), so it cannot be dry-run or run by "
                        + "Vigil; nothing was run", lines);
            }
        }
        watchReset();
        ScriptPlan current = null;
        AnalysedStatement statement = null;
        long t0 = System.nanoTime();
        try {
            c.setAutoCommit(false);
            setLimits(MigrateSql.SET_LOCAL, settings.dryRunTimeout());
            for (int i = 0; i < plans.size(); i++) {
                current = plans.get(i);
                long s0 = System.nanoTime();
                int ran = 0;
                List<String> skipped = new ArrayList<>();
                for (AnalysedStatement s : current.statements()) {
                    statement = s;
                    if (!s.transactional()) {
                        skipped.add(s.statement().where() + " (" + s.outsideTransaction().orElse("") + ")");
                        continue;
                    }
                    execute(s);
                    ran++;
                }
                statement = null;
                ensureHistoryTable();
                SchemaHistory.append(c, settings.history(), entries.get(i), 0);
                lines.add(current.script().fileName() + ": " + MigrationText.plural(ran, "statement", "statements")
                        + " ran in " + (System.nanoTime() - s0) / 1_000_000 + " ms"
                        + (skipped.isEmpty() ? "" : "; not run in the dry run: " + String.join(", ", skipped)));
            }
            return new DryRun(RunReport.Result.DONE, "ran and rolled back in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms: " + String.join("; ", lines), lines);
        } catch (SQLException e) {
            String at = (current == null ? "setting the limits" : current.script().fileName())
                    + (statement == null ? (current == null ? "" : ", writing its history row")
                    : " " + statement.statement().where());
            RunReport.Result result = watch != null && watch.cancelled(e) ? RunReport.Result.WATCH_CANCELLED
                    : SqlErrors.lockTimeout(e) ? RunReport.Result.LOCK_TIMEOUT : RunReport.Result.FAILED;
            String why = result == RunReport.Result.WATCH_CANCELLED ? "cancelled by the watch: " + watch.firedReason()
                    : SqlErrors.describe(e) + (result == RunReport.Result.LOCK_TIMEOUT ? blockersText() : "");
            String what = statement == null ? "" : " (" + statement.statement().brief(80) + ")";
            lines.add(at + ": " + why);
            return new DryRun(result, at + what + ": " + why + "; rolled back, nothing changed", lines);
        } finally {
            rollbackQuietly();
        }
    }

    /** What the dry run saw: DONE, or the first error (FAILED), lock timeout or cancel by the watch. */
    record DryRun(RunReport.Result result, String detail, List<String> lines) {
        DryRun {
            lines = List.copyOf(lines);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private void watchReset() {
        if (watch != null) {
            watch.reset();
        }
    }

    private String blockersText() {
        if (watch == null || watch.lastBlockers().isEmpty()) {
            return "";
        }
        List<String> who = watch.lastBlockers().stream().map(WatchedSession::describe).toList();
        return "; it waited for " + String.join(", ", who);
    }

    private String recordPartial(ScriptPlan plan, Optional<HistoryEntry> partial, boolean committedSome,
                                 long executionMillis, List<String> log) {
        if (!committedSome || partial.isEmpty()) {
            return "";
        }
        try {
            int rank = appendAlone(partial.get(), executionMillis);
            log.add("recorded as failed in the history, row " + rank);
            return "; recorded in the history as failed (row " + rank + "), as Flyway records a failed script that ran "
                    + "outside a transaction";
        } catch (SQLException e) {
            rollbackQuietly();
            return "; the failure could not be recorded in the history: " + SqlErrors.describe(e);
        }
    }

    private static String rolledBack(Optional<Segment> segment, boolean committedSome) {
        String mine = segment.map(s -> s.transactional() ? "its transaction was rolled back"
                : "it ran outside a transaction, so what it did before the error stays (a failed CREATE INDEX "
                + "CONCURRENTLY leaves an INVALID index: drop it before trying again)").orElse("rolled back");
        return mine + (committedSome ? "; the script is partly applied" : ", nothing was changed");
    }

    private static String where(ScriptPlan plan, Optional<Segment> segment) {
        return plan.script().fileName() + segment.filter(s -> plan.segments().size() > 1)
                .map(s -> " (" + s.numbers() + ")").orElse("");
    }

    private RunReport report(RunReport.Result result, String detail, int attempts, Duration lockWaited,
                             long executionMillis, boolean partly, OptionalInt rank, List<String> log) {
        List<WatchedSession> blockers = watch == null ? List.of() : watch.lastBlockers();
        int peak = watch == null ? 0 : watch.peakBlocked();
        return new RunReport(result, detail, attempts, lockWaited, executionMillis, partly, rank, blockers, peak, log);
    }

    private void rollbackQuietly() {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone: the server rolls back by itself
        }
    }
}
