package dev.vigil.ops.explain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one explain went.
 *
 * @param outcome    planned, analyzed (and rolled back), refused before anything was sent, or failed on the server
 * @param statement  the request's statement as classified
 * @param form       the EXPLAIN form used; empty when refused
 * @param message    one line for the operator: the refusal's reason, the error, or what was done
 * @param sent       every statement sent to the server, in order; empty when refused
 * @param plan       the parsed plan, when there is one
 * @param error      the server's error, when it failed
 * @param rolledBack whether the transaction was rolled back (false only when refused, or the connection broke)
 * @param elapsed    wall-clock time from the first statement sent to the rollback
 */
public record ExplainResult(Outcome outcome, ClassifiedStatement statement, Optional<ExplainForm> form,
                            String message, List<String> sent, Optional<QueryPlan> plan, Optional<SqlError> error,
                            boolean rolledBack, Duration elapsed) {

    public enum Outcome { PLANNED, ANALYZED, REFUSED, FAILED }

    public ExplainResult {
        sent = List.copyOf(sent);
    }

    static ExplainResult refused(ClassifiedStatement statement, String reason) {
        return new ExplainResult(Outcome.REFUSED, statement, Optional.empty(), reason, List.of(), Optional.empty(),
                Optional.empty(), false, Duration.ZERO);
    }

    public boolean isAnalyzed() {
        return outcome == Outcome.ANALYZED;
    }

    public OptionalDouble planningMs() {
        return plan.map(QueryPlan::planningMs).orElse(OptionalDouble.empty());
    }

    public OptionalDouble executionMs() {
        return plan.map(QueryPlan::executionMs).orElse(OptionalDouble.empty());
    }

    public List<TriggerTime> triggers() {
        return plan.map(QueryPlan::triggers).orElse(List.of());
    }
}
