package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.script.ScriptPlan;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepOutcome;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.WorkflowContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A step that runs one script under the guards, watched, and says exactly how it ended. */
final class MigrationSteps {
    private MigrationSteps() {}

    static Step step(MigrationTarget target, String title, String detail, ScriptPlan plan, HistoryEntry success,
                     Optional<HistoryEntry> partial) {
        return new Step(title, detail, target.node().name(), ScriptCommand.of(plan, success, target.settings()),
                timeout(plan, target.settings().guards()), context -> run(target, plan, success, partial, context));
    }

    /** Each segment may wait out every lock timeout and pause, and each statement may run its full time. */
    static Duration timeout(ScriptPlan plan, Guards g) {
        int segments = Math.max(1, plan.segments().size());
        return g.worstCaseLockWait().multipliedBy(segments)
                .plus(g.statementTimeout().multipliedBy(Math.max(1, plan.statements().size())))
                .plusSeconds(10);
    }

    private static StepResult run(MigrationTarget target, ScriptPlan plan, HistoryEntry success,
                                  Optional<HistoryEntry> partial, WorkflowContext context) {
        Guards g = target.settings().guards();
        Connection c;
        try {
            c = target.operator(g.statementTimeout(), context);
        } catch (MissingOperatorLogin e) {
            return StepResult.failed(e.getMessage() + " Nothing was sent.");
        } catch (SQLException e) {
            return StepResult.failed("could not log in to " + target.node().name() + ", so nothing was sent: "
                    + SqlErrors.describe(e));
        }
        try (c) {
            MigrationReads.Server server = MigrationReads.server(c);
            try (SessionWatch watch = SessionWatch.start(target.node(), server.pid(), g)) {
                if (!watch.unavailable().isEmpty()) {
                    // Without the watch only the lock timeout would guard live traffic: not good enough to run.
                    return StepResult.failed(watch.unavailable() + "; without it nothing would cancel " + plan.script()
                            .fileName() + " if it held up traffic, so nothing was run. Check that the monitoring login "
                            + "can connect (free connection slots, pg_hba.conf), then plan again.");
                }
                RunReport r = new GuardedRunner(c, target.settings(), watch, context::cancelRequested)
                        .run(plan, success, partial);
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("script", plan.script().fileName());
                facts.put("backend_pid", Integer.toString(server.pid()));
                facts.put("result", r.result().name());
                facts.put("attempts", Integer.toString(r.attempts()));
                facts.put("execution_ms", Long.toString(r.executionMillis()));
                facts.put("lock_waited_ms", Long.toString(r.lockWaited().toMillis()));
                facts.put("peak_sessions_waiting", Integer.toString(r.peakBlocked()));
                facts.put("partly_applied", Boolean.toString(r.partlyApplied()));
                r.historyRank().ifPresent(rank -> facts.put("history_rank", Integer.toString(rank)));
                if (!r.blockers().isEmpty()) {
                    facts.put("waited_for", r.blockers().stream().map(WatchedSession::describe)
                            .collect(java.util.stream.Collectors.joining("; ")));
                }
                facts.put("log", String.join(" | ", r.log()));
                StepOutcome outcome = switch (r.result()) {
                    case DONE -> StepOutcome.DONE;
                    case UNKNOWN -> StepOutcome.UNKNOWN;
                    default -> StepOutcome.FAILED;
                };
                return new StepResult(outcome, r.detail(), facts);
            }
        } catch (SQLException e) {
            return SqlErrors.connectionLost(e) ? StepResult.unknown("the connection broke: " + SqlErrors.describe(e))
                    : StepResult.failed(SqlErrors.describe(e));
        }
    }
}
