package dev.vigil.ui.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;
import dev.vigil.ops.explain.PlanJson;
import dev.vigil.ops.explain.QueryPlan;
import dev.vigil.ops.explain.StatementClassifier;
import dev.vigil.ui.common.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The view-model with a fake service: no toolkit, no threads, no servers. */
class ExplainViewModelTest {
    private static final String PLAN_JSON = """
            [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "orders", "Alias": "o", "Total Cost": 288,
              "Plan Rows": 5, "Actual Rows": 2500, "Actual Loops": 1, "Actual Total Time": 0.9},
              "Planning Time": 0.1, "Execution Time": 1.0}]""";

    private final List<ExplainRequest> requests = new ArrayList<>();
    private final ExplainViewModel vm = new ExplainViewModel(TaskExecutor.sameThread(), request -> {
        requests.add(request);
        return analyzed(request);
    });

    @Test
    void aWritingStatementIsAnalyzedOnlyAfterConfirmationAndSaysSo() {
        vm.queryProperty().set("UPDATE shop.orders SET status = 'x' WHERE id = 1");
        assertThat(vm.statementHintProperty().get()).startsWith("UPDATE writes rows.");

        vm.explainAnalyze(statement -> false);
        assertThat(requests).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("not confirmed");

        List<String> asked = new ArrayList<>();
        vm.explainAnalyze(statement -> asked.add(statement.reason()));
        assertThat(asked).containsExactly("UPDATE writes rows.");
        assertThat(requests).containsExactly(ExplainRequest.analyze(vm.queryProperty().get(), true));
    }

    @Test
    void aReadOnlyStatementIsAnalyzedWithoutAsking() {
        vm.queryProperty().set("SELECT * FROM shop.orders o");
        vm.explainAnalyze(statement -> {
            throw new AssertionError("asked for a read-only statement");
        });
        assertThat(requests).containsExactly(ExplainRequest.analyze("SELECT * FROM shop.orders o", false));
        assertThat(vm.planProperty().get()).isNotNull();
        assertThat(vm.hottestProperty().get().title()).isEqualTo("Seq Scan on orders o");
        assertThat(vm.summaryProperty().get())
                .isEqualTo("Analyzed (read-only, rolled back) · execution 1.00 ms · planning 0.100 ms · "
                        + "1 row estimate off by 10× or more");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void failuresAndExceptionsShowAsErrorsAndClearThePlan() {
        ExplainViewModel failing = new ExplainViewModel(TaskExecutor.sameThread(), request -> {
            throw new java.sql.SQLException("connection refused", "08001");
        });
        failing.queryProperty().set("SELECT 1");
        failing.explain();
        assertThat(failing.errorProperty().get()).isEqualTo("connection refused");
        assertThat(failing.planProperty().get()).isNull();
    }

    @Test
    void aResultThatArrivesAfterANewerRequestIsDropped() {
        List<Runnable> pending = new ArrayList<>();
        TaskExecutor later = new TaskExecutor() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                pending.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }

            @Override
            public void close() {}
        };
        ExplainViewModel slow = new ExplainViewModel(later, ExplainViewModelTest::analyzed);
        slow.queryProperty().set("SELECT 1");
        slow.explain();
        slow.queryProperty().set("SELECT * FROM shop.orders o");
        slow.explainAnalyze(s -> true);
        assertThat(slow.runningProperty().get()).isTrue();
        pending.get(1).run();
        pending.get(0).run();
        assertThat(slow.resultProperty().get().statement().statement()).isEqualTo("SELECT * FROM shop.orders o");
    }

    private static ExplainResult analyzed(ExplainRequest request) {
        QueryPlan plan = PlanJson.parse(PLAN_JSON);
        return new ExplainResult(ExplainResult.Outcome.ANALYZED, StatementClassifier.classify(request.query()),
                Optional.of(dev.vigil.ops.explain.ExplainForm.ANALYZE), "ran", List.of("EXPLAIN …"),
                Optional.of(plan), Optional.empty(), true, Duration.ofMillis(2));
    }
}
