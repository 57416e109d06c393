package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.history.SchemaHistory;
import dev.vigil.migrate.script.AnalysedStatement;
import dev.vigil.migrate.script.ScriptPlan.Segment;
import dev.vigil.migrate.script.ScriptPlan;
import dev.vigil.os.Poll;
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
        Tally tally = new Tally();
        if (plan.transactionControl().isPresent()) {
            return tally.report(RunReport.Result.FAILED, plan.script().fileName() + " " + plan.transactionControl().get()
                    .statement().where() + " controls the transaction itself ("
                    + plan.transactionControl().get().statement().brief(40) + "); Vigil runs scripts only in "
                    + "transactions it owns, so nothing was run", 0, false);
        }
        List<Segment> segments = plan.segments();
        int count = Math.max(1, segments.size());
        for (int i = 0; i < count; i++) {
            Optional<Segment> segment = segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(i));
            boolean historyHere = i == count - 1 && segment.map(Segment::transactional).orElse(true);
            Optional<RunReport> stopped = runSegment(new Attempts(plan, segment, partial),
                    historyHere ? Optional.of(success) : Optional.empty(), tally);
            if (stopped.isPresent()) {
                return stopped.get();
            }
        }
        if (!plan.historyWithLastSegment() && !segments.isEmpty()) {
            try {
                tally.rank = OptionalInt.of(appendAlone(success, tally.executionMillis));
            } catch (SQLException e) {
                rollbackQuietly();
                return tally.report(RunReport.Result.FAILED, "every statement of " + plan.script().fileName()
                        + " ran, but the history row could not be written: " + SqlErrors.describe(e), 1, true);
            }
        }
        return tally.report(RunReport.Result.DONE, plan.script().fileName() + ": " + MigrationText.plural(
                plan.statements().size(), "statement", "statements") + " in " + tally.executionMillis + " ms"
                + (tally.lockWaited.isZero() ? "" : " after " + MigrationText.duration(tally.lockWaited) + " of lock "
                + "timeouts and pauses") + tally.rank.stream().mapToObj(r -> "; history row " + r).findFirst()
                .orElse(""), 1, false);
    }

    /** How often a pause between attempts looks at the operator's cancel: the pauses last seconds. */
    static final Duration CANCEL_LOOK = Duration.ofMillis(100);

    /** What a run has done so far, for its report. */
    private final class Tally {
        final List<String> log = new ArrayList<>();
        Duration lockWaited = Duration.ZERO;
        long executionMillis;
        boolean committedSome;
        OptionalInt rank = OptionalInt.empty();

        RunReport report(RunReport.Result result, String detail, int attempts, boolean partly) {
            List<WatchedSession> blockers = watch == null ? List.of() : watch.lastBlockers();
            int peak = watch == null ? 0 : watch.peakBlocked();
            return new RunReport(result, detail, attempts, lockWaited, executionMillis, partly, rank, blockers, peak,
                    log);
        }
    }

    /** One segment of a script, tried until it runs, fails or is given up. */
    private record Attempts(ScriptPlan plan, Optional<Segment> segment, Optional<HistoryEntry> partial) {
        String where() {
            return GuardedRunner.where(plan, segment);
        }
    }

    /** Runs one segment, retrying after lock timeouts; a report if the run stops here, else empty. */
    private Optional<RunReport> runSegment(Attempts a, Optional<HistoryEntry> history, Tally tally) {
        for (int attempt = 1; ; attempt++) {
            if (cancelRequested.getAsBoolean()) {
                return Optional.of(tally.report(RunReport.Result.CANCELLED, "cancelled by the operator before "
                        + a.where() + (attempt > 1 ? " was tried again" : " ran"), attempt - 1, tally.committedSome));
            }
            watchReset();
            long t0 = System.nanoTime();
            Phase phase = new Phase();
            try {
                OptionalInt r = a.segment().isEmpty() || a.segment().get().transactional()
                        ? inTransaction(a.segment(), history, t0, phase) : outsideTransaction(a.segment().get());
                long took = (System.nanoTime() - t0) / 1_000_000;
                tally.executionMillis += took;
                if (r.isPresent()) {
                    tally.rank = r;
                }
                tally.committedSome = true;
                tally.log.add(a.where() + ": done in " + took + " ms" + (attempt > 1 ? " at attempt " + attempt : ""));
                return Optional.empty();
            } catch (SQLException e) {
                rollbackQuietly();
                Optional<RunReport> end = afterFailure(a, attempt, phase, e, Duration.ofNanos(System.nanoTime() - t0),
                        tally);
                if (end.isPresent()) {
                    return end;
                }
            }
        }
    }

    /** After a failed attempt: the report that ends the run, or empty to try again. */
    private Optional<RunReport> afterFailure(Attempts a, int attempt, Phase phase, SQLException e, Duration took,
                                             Tally tally) {
        // A statement that cannot run in a transaction and cannot be retried (CREATE INDEX CONCURRENTLY) leaves
        // what it built so far (an invalid index) when it fails: that is partly applied too.
        boolean leftBehind = tally.committedSome || a.segment().filter(x -> !x.transactional() && !x.retrySafe())
                .isPresent();
        String error = SqlErrors.describe(e);
        String at = a.where() + phase.statement.map(s -> ", " + s.statement().where()).orElse("");
        if (watch != null && watch.cancelled(e)) {
            tally.log.add(at + ": cancelled by the watch: " + watch.firedReason());
            return Optional.of(tally.report(RunReport.Result.WATCH_CANCELLED, "Vigil cancelled its own statement at "
                    + at + " because " + watch.firedReason() + "; " + rolledBack(a.segment(), leftBehind)
                    + recordPartial(a, leftBehind, tally), attempt, leftBehind));
        }
        if (phase.committing && SqlErrors.connectionLost(e)) {
            return Optional.of(tally.report(RunReport.Result.UNKNOWN, "the connection broke during the commit of "
                    + at + ": it may or may not have been committed (" + error + ")", attempt, true));
        }
        if (SqlErrors.lockTimeout(e)) {
            return afterLockTimeout(a, attempt, at, took, leftBehind, tally);
        }
        tally.log.add(at + ": " + error);
        return Optional.of(tally.report(RunReport.Result.FAILED, at + " failed: " + error + " — "
                + phase.statement.map(s -> s.statement().brief(80)).orElse("") + "; "
                + rolledBack(a.segment(), leftBehind) + recordPartial(a, leftBehind, tally), attempt, leftBehind));
    }

    /** A lock timeout: pause and try again while retries are left and safe, else the report that gives up. */
    private Optional<RunReport> afterLockTimeout(Attempts a, int attempt, String at, Duration took, boolean leftBehind,
                                                 Tally tally) {
        Guards g = settings.guards();
        tally.lockWaited = tally.lockWaited.plus(took);
        tally.log.add(at + ": lock timeout after " + MigrationText.duration(took) + " (attempt " + attempt
                + blockersText() + ")");
        boolean retry = attempt <= g.retries() && a.segment().map(Segment::retrySafe).orElse(true);
        if (retry) {
            Duration pause = g.pauseBefore(attempt);
            try {
                Poll.Outcome<Void> paused = Poll.every(CANCEL_LOOK, pause).cancelledBy(cancelRequested).pause();
                // A cancel ends the pause early; the next attempt's cancel check then reports it.
                tally.lockWaited = tally.lockWaited.plus(paused.cancelled() ? paused.waited() : pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                tally.lockWaited = tally.lockWaited.plus(pause);
                return Optional.of(tally.report(RunReport.Result.CANCELLED, "stopped during the pause after a lock "
                        + "timeout at " + at + "; " + rolledBack(a.segment(), leftBehind), attempt, leftBehind));
            }
            return Optional.empty();
        }
        String why = attempt > g.retries() ? "gave up after " + MigrationText.plural(attempt, "attempt", "attempts")
                + " (lock_timeout " + MigrationText.duration(g.lockTimeout()) + " each, "
                + MigrationText.duration(tally.lockWaited) + " with the pauses)"
                : "not retried: a failed attempt of this statement leaves an invalid index behind";
        return Optional.of(tally.report(RunReport.Result.LOCK_TIMEOUT, at + " could not get its lock: " + why
                + blockersText() + "; " + rolledBack(a.segment(), leftBehind) + recordPartial(a, leftBehind, tally),
                attempt, leftBehind));
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

    private String recordPartial(Attempts a, boolean committedSome, Tally tally) {
        if (!committedSome || a.partial().isEmpty()) {
            return "";
        }
        try {
            int rank = appendAlone(a.partial().get(), tally.executionMillis);
            tally.log.add("recorded as failed in the history, row " + rank);
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
