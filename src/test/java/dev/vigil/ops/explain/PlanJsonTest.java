package dev.vigil.ops.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans captured from PostgreSQL 17.6 on the lab's shop database (src/test/resources/dev/vigil/ops/explain). */
class PlanJsonTest {

    @Test
    void analyzedJoinBecomesATreeWithTimesRowsBuffersAndDetails() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("join-analyzed.json"));
        PlanNode root = plan.root();
        assertThat(root.name()).isEqualTo("GroupAggregate");
        assertThat(root.nodeType()).isEqualTo("Aggregate");
        assertThat(root.strategy()).contains("Sorted");
        assertThat(root.startupCost()).isEqualTo(50.41);
        assertThat(root.totalCost()).isEqualTo(645.51);
        assertThat(root.actual()).contains(new PlanNode.Actual(4.824, 4.826, 1, 1));
        assertThat(root.buffers()).contains(new PlanNode.Buffers(6435, 0));
        assertThat(plan.planningMs()).hasValue(0.863);
        assertThat(plan.executionMs()).hasValue(4.889);
        assertThat(plan.triggers()).isEmpty();
        assertThat(plan.isAnalyzed()).isTrue();

        PlanNode loop = root.children().get(0);
        PlanNode hashJoin = loop.children().get(0);
        PlanNode orders = hashJoin.children().get(0);
        PlanNode hash = hashJoin.children().get(1);
        PlanNode items = loop.children().get(1);
        assertThat(root.flatten()).hasSize(7);
        assertThat(loop.title()).isEqualTo("Nested Loop");
        assertThat(loop.joinType()).contains("Inner");
        assertThat(hashJoin.details()).containsEntry("Hash Cond", "(o.customer_id = c.id)");
        assertThat(orders.title()).isEqualTo("Seq Scan on orders o");
        assertThat(orders.parentRelationship()).contains("Outer");
        assertThat(orders.details()).containsExactly(
                java.util.Map.entry("Filter", "(status = 'paid'::text)"),
                java.util.Map.entry("Rows Removed by Filter", "7500"));
        assertThat(hash.details()).containsEntry("Hash Buckets", "1024").containsEntry("Peak Memory Usage", "20");
        assertThat(items.title()).isEqualTo("Index Only Scan using order_items_pkey on order_items i");
        assertThat(items.indexName()).contains("order_items_pkey");
        assertThat(items.details()).containsEntry("Index Cond", "(order_id = o.id)")
                .containsEntry("Heap Fetches", "3750").doesNotContainKey("Rows Removed by Index Recheck");
        assertThat(items.actual().orElseThrow().loops()).isEqualTo(1250);
    }

    @Test
    void exclusiveTimeSubtractsChildrenOverTheirLoops() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("join-analyzed.json"));
        PlanNode loop = plan.root().children().get(0);
        PlanNode items = loop.children().get(1);
        assertThat(items.inclusiveMs().getAsDouble()).isCloseTo(2.5, within(1e-9)); // 0.002 ms × 1250 loops
        assertThat(loop.exclusiveMs().getAsDouble()).isCloseTo(4.648 - 1.475 - 2.5, within(1e-9));
        assertThat(plan.root().exclusiveMs().getAsDouble()).isCloseTo(4.826 - 4.648, within(1e-9));
        assertThat(plan.mostExpensive()).containsSame(items);
    }

    @Test
    void rowEstimateFactorComparesActualWithEstimatedRowsPerLoop() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("join-analyzed.json"));
        PlanNode loop = plan.root().children().get(0);
        assertThat(loop.rowEstimateFactor().getAsDouble()).isCloseTo(3750.0 / 931, within(1e-9));
        assertThat(loop.isMisestimated()).isFalse();
        assertThat(plan.misestimated()).isEmpty();

        QueryPlan off = PlanJson.parse("""
                [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Alias": "t", "Plan Rows": 5,
                  "Total Cost": 10, "Actual Rows": 60, "Actual Loops": 1, "Actual Total Time": 1.0,
                  "Plans": [{"Node Type": "Seq Scan", "Plan Rows": 500, "Actual Rows": 40, "Actual Loops": 1},
                            {"Node Type": "Seq Scan", "Plan Rows": 0, "Actual Rows": 0, "Actual Loops": 1}]}}]""");
        PlanNode under = off.root();
        PlanNode over = under.children().get(0);
        assertThat(under.rowEstimateFactor()).hasValue(12.0);
        assertThat(over.rowEstimateFactor()).hasValue(0.08);
        assertThat(under.children().get(1).rowEstimateFactor()).hasValue(1.0);
        assertThat(off.misestimated()).containsExactly(under, over);
    }

    @Test
    void aPlanWithoutAnalyzeHasNoActualsAndItsCostliestNodeCountsNestedLoopRepeats() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("join-planned.json"));
        assertThat(plan.isAnalyzed()).isFalse();
        assertThat(plan.planningMs()).hasValue(0.328); // SUMMARY
        assertThat(plan.executionMs()).isEmpty();
        assertThat(plan.root().flatten()).allSatisfy(n -> {
            assertThat(n.actual()).isEmpty();
            assertThat(n.exclusiveMs()).isEmpty();
            assertThat(n.rowEstimateFactor()).isEmpty();
        });
        PlanNode loop = plan.root().children().get(0);
        PlanNode orders = loop.children().get(0).children().get(0);
        PlanNode items = loop.children().get(1);
        // the inner index scan runs once per estimated outer row (312): 0.92 × 312, not 0.92 and not in the join
        assertThat(plan.estimatedCostShares().get(items)).isCloseTo(0.92 * 312, within(1e-9));
        assertThat(plan.estimatedCostShares().get(loop)).isCloseTo(640.85 - 344.70 - 0.92 * 312, within(1e-9));
        assertThat(plan.mostExpensive()).containsSame(orders); // 288.00 on its own
    }

    @Test
    void modifyTableTriggersAndNamesLikeTextExplain() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("delete-with-triggers.json"));
        assertThat(plan.root().title()).isEqualTo("Delete on orders");
        assertThat(plan.triggers()).containsExactly(
                new TriggerTime("RI_ConstraintTrigger_a_16475", "orders", 0.129, 1));
        assertThat(plan.root().children().get(0).title()).isEqualTo("Index Scan using orders_pkey on orders");
    }

    @Test
    void nodesThatNeverRanHaveNoFactorAndNoTime() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("never-executed.json"));
        PlanNode heap = plan.root().children().get(0);
        PlanNode index = heap.children().get(0);
        assertThat(plan.root().details()).containsKey("One-Time Filter");
        assertThat(heap.neverExecuted()).isTrue();
        assertThat(heap.rowEstimateFactor()).isEmpty();
        assertThat(heap.inclusiveMs()).hasValue(0);
        assertThat(index.title()).isEqualTo("Bitmap Index Scan on orders_customer_idx");
        assertThat(plan.misestimated()).isEmpty();
    }

    @Test
    void parallelPlansSubtractTheWorkersWallClockBelowAGather() throws IOException {
        QueryPlan plan = PlanJson.parse(fixture("parallel-analyzed.json"));
        PlanNode gather = plan.root().children().get(0);
        PlanNode sort = gather.children().get(0);
        assertThat(gather.name()).isEqualTo("Gather Merge");
        assertThat(gather.details()).containsEntry("Workers Launched", "2");
        assertThat(sort.actual().orElseThrow().loops()).isEqualTo(3);
        assertThat(gather.exclusiveMs().getAsDouble()).isCloseTo(
                gather.actual().orElseThrow().totalMs() - sort.actual().orElseThrow().totalMs(), within(1e-9));
        List<String> names = plan.root().flatten().stream().map(PlanNode::name).toList();
        assertThat(names).contains("Partial HashAggregate", "Parallel Hash Join", "Parallel Seq Scan");
        assertThat(plan.root().flatten()).allSatisfy(n -> assertThat(n.exclusiveMs().getAsDouble()).isNotNegative());
    }

    @Test
    void joinTypesAndAggregateStrategiesAreNamedAsInTextExplain() {
        QueryPlan plan = PlanJson.parse("""
                [{"Plan": {"Node Type": "Aggregate", "Strategy": "Hashed", "Partial Mode": "Finalize",
                  "Plans": [
                    {"Node Type": "Hash Join", "Join Type": "Left"},
                    {"Node Type": "Nested Loop", "Join Type": "Anti"},
                    {"Node Type": "Merge Join", "Join Type": "Right Anti"},
                    {"Node Type": "SetOp", "Strategy": "Hashed"}]}}]""");
        assertThat(plan.root().name()).isEqualTo("Finalize HashAggregate");
        assertThat(plan.root().children()).extracting(PlanNode::name)
                .containsExactly("Hash Left Join", "Nested Loop Anti Join", "Merge Right Anti Join", "HashSetOp");
    }

    @Test
    void somethingElseIsNotAPlan() {
        assertThatThrownBy(() -> PlanJson.parse("[{\"Query\": 1}]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanJson.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PlanJsonTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
