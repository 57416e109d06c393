package dev.vigil.ops.explain;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * A parsed EXPLAIN (FORMAT JSON) result: the plan tree and what the server reported around it.
 *
 * @param planningMs  planning time, reported by ANALYZE (and by the SUMMARY option)
 * @param executionMs execution time, reported by ANALYZE
 * @param json        the server's JSON as it came, for copying into other plan viewers
 */
public record QueryPlan(PlanNode root, OptionalDouble planningMs, OptionalDouble executionMs,
                        List<TriggerTime> triggers, String json) {

    public QueryPlan {
        triggers = List.copyOf(triggers);
    }

    public boolean isAnalyzed() {
        return root.wasAnalyzed();
    }

    /**
     * The node that costs most on its own: the largest exclusive time when analyzed, else the largest share of the
     * estimated cost. Empty for a plan where every node is free (a bare Result).
     */
    public Optional<PlanNode> mostExpensive() {
        Map<PlanNode, Double> costShares = isAnalyzed() ? Map.of() : estimatedCostShares();
        ToDoubleFunction<PlanNode> share = isAnalyzed() ? n -> n.exclusiveMs().orElse(0) : costShares::get;
        return root.flatten().stream().max(Comparator.comparingDouble(share)).filter(n -> share.applyAsDouble(n) > 0);
    }

    /**
     * Each node's own share of the estimated cost, over the loops the planner expected. Costs are per loop, and a
     * nested loop's inner side runs once per outer row: its cost is counted that many times, in the inner node's
     * share rather than in the join's.
     */
    public Map<PlanNode, Double> estimatedCostShares() {
        Map<PlanNode, Double> shares = new IdentityHashMap<>();
        addCostShares(root, 1, shares);
        return shares;
    }

    private static void addCostShares(PlanNode node, double loops, Map<PlanNode, Double> shares) {
        double children = 0;
        for (PlanNode child : node.children()) {
            children += child.totalCost() * estimatedLoops(node, child);
        }
        shares.put(node, Math.max(0, node.totalCost() - children) * loops);
        for (PlanNode child : node.children()) {
            addCostShares(child, loops * estimatedLoops(node, child), shares);
        }
    }

    private static double estimatedLoops(PlanNode parent, PlanNode child) {
        if (!parent.nodeType().equals("Nested Loop") || !child.parentRelationship().orElse("").equals("Inner")) {
            return 1;
        }
        return parent.children().stream().filter(c -> c.parentRelationship().orElse("").equals("Outer"))
                .mapToDouble(c -> Math.max(1, c.planRows())).findFirst().orElse(1);
    }

    /** Nodes whose row estimate is {@link PlanNode#MISESTIMATE_FLAG} times off or more. */
    public List<PlanNode> misestimated() {
        return root.flatten().stream().filter(PlanNode::isMisestimated).toList();
    }
}
