package dev.vigil.ui.queries;

import dev.vigil.ops.explain.ClassifiedStatement;
import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;
import dev.vigil.ops.explain.PlanNode;
import dev.vigil.ops.explain.QueryPlan;
import dev.vigil.ops.explain.StatementClassifier;
import dev.vigil.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Explain pane's state: the query text, what it would do, and the last plan or error. Explains run through
 * the {@link TaskExecutor}, never on the FX thread; a result that arrives after a newer request is dropped.
 */
public final class ExplainViewModel {

    /** Asks the operator, on the UI thread, whether a writing statement may run inside a rolled-back transaction. */
    @FunctionalInterface
    public interface WriteConfirmation {
        boolean confirm(ClassifiedStatement statement);
    }

    private final TaskExecutor tasks;
    private final ExplainService service;
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper statementHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ExplainResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<QueryPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlanNode> hottest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private long latestRequest;

    public ExplainViewModel(TaskExecutor tasks, ExplainService service) {
        this.tasks = tasks;
        this.service = service;
        query.addListener((o, was, now) -> statementHint.set(hintFor(now)));
    }

    /** Plans the query: nothing runs. */
    public void explain() {
        submit(ExplainRequest.plan(query.get()));
    }

    /** Runs the query with EXPLAIN ANALYZE and rolls back; a writing statement is confirmed first. */
    public void explainAnalyze(WriteConfirmation confirmation) {
        ClassifiedStatement statement = StatementClassifier.classify(query.get());
        boolean confirmed = false;
        if (statement.isWriting()) {
            if (!confirmation.confirm(statement)) {
                summary.set("Not analyzed: the writing statement was not confirmed.");
                return;
            }
            confirmed = true;
        }
        submit(ExplainRequest.analyze(query.get(), confirmed));
    }

    /** A new query or node: the old plan must not sit beside it. A result still on its way is dropped. */
    public void reset(String newQuery) {
        latestRequest++;
        running.set(false);
        result.set(null);
        plan.set(null);
        hottest.set(null);
        summary.set("");
        error.set("");
        query.set(newQuery);
    }

    private void submit(ExplainRequest request) {
        long id = ++latestRequest;
        running.set(true);
        error.set("");
        summary.set(request.mode() == ExplainRequest.Mode.PLAN ? "Planning…"
                : "Running with EXPLAIN ANALYZE (rolled back afterwards)…");
        tasks.submit(() -> service.explain(request), r -> {
            if (id == latestRequest) {
                apply(r);
            }
        }, e -> {
            if (id == latestRequest) {
                fail(e);
            }
        });
    }

    private void apply(ExplainResult r) {
        running.set(false);
        result.set(r);
        plan.set(r.plan().orElse(null));
        hottest.set(r.plan().flatMap(QueryPlan::mostExpensive).orElse(null));
        switch (r.outcome()) {
            case REFUSED, FAILED -> {
                error.set(r.message() + r.error().flatMap(e -> e.position().stream().boxed().findFirst())
                        .map(position -> "\n" + ExplainFormat.pointAt(r.statement().statement(), position))
                        .orElse(""));
                summary.set(r.outcome() == ExplainResult.Outcome.REFUSED ? "Not explained." : "Failed.");
            }
            default -> summary.set(summaryOf(r));
        }
    }

    private void fail(Throwable e) {
        running.set(false);
        result.set(null);
        plan.set(null);
        hottest.set(null);
        summary.set("Failed.");
        error.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    static String summaryOf(ExplainResult r) {
        QueryPlan p = r.plan().orElseThrow();
        List<String> parts = new ArrayList<>();
        parts.add(switch (r.form().orElseThrow()) {
            case PLAN -> "Estimated plan, nothing run";
            case GENERIC_PLAN -> "Generic plan for $n placeholders, nothing run";
            case ANALYZE -> r.statement().isWriting() ? "Analyzed and rolled back" : "Analyzed (read-only, rolled back)";
        });
        if (r.isAnalyzed()) {
            parts.add("execution " + ExplainFormat.ms(r.executionMs()) + " ms");
        } else {
            parts.add("total cost " + ExplainFormat.cost(p.root().totalCost()));
        }
        r.planningMs().ifPresent(ms -> parts.add("planning " + ExplainFormat.ms(ms) + " ms"));
        if (!r.triggers().isEmpty()) {
            double triggerMs = r.triggers().stream().mapToDouble(t -> t.timeMs()).sum();
            parts.add(r.triggers().size() + (r.triggers().size() == 1 ? " trigger " : " triggers ")
                    + ExplainFormat.ms(triggerMs) + " ms");
        }
        int misestimates = p.misestimated().size();
        if (misestimates > 0) {
            parts.add(misestimates + (misestimates == 1 ? " row estimate" : " row estimates") + " off by 10× or more");
        }
        return String.join(" · ", parts);
    }

    private static String hintFor(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        ClassifiedStatement s = StatementClassifier.classify(text);
        String placeholders = s.hasPlaceholders() ? " Has $n placeholders: planned as a generic plan (PostgreSQL 16+)."
                : "";
        return switch (s.kind()) {
            case READ_ONLY -> s.reason() + placeholders;
            case WRITING -> s.reason() + " Explain analyze asks before running it." + placeholders;
            case REFUSED -> s.reason();
        };
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** What the text would do, updated as it is typed: "Reads only.", "UPDATE writes rows. …". */
    public ReadOnlyStringProperty statementHintProperty() {
        return statementHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ExplainResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The plan to show; null before the first explain and after a refusal or failure. */
    public ReadOnlyObjectProperty<QueryPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The node to highlight: largest own time when analyzed, largest share of the cost otherwise. */
    public ReadOnlyObjectProperty<PlanNode> hottestProperty() {
        return hottest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The refusal or the server's error with its SQLSTATE; empty when the last explain worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
