package dev.vigil.ops.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One node of a plan, as EXPLAIN (FORMAT JSON) gave it. Estimates are per loop, as PostgreSQL reports them;
 * so are the actual times and rows, which {@link #inclusiveMs()} multiplies out.
 *
 * @param nodeType           the JSON "Node Type", e.g. "Aggregate", "Hash Join", "ModifyTable"
 * @param name               what text EXPLAIN prints for it, e.g. "HashAggregate", "Hash Left Join", "Update"
 * @param parentRelationship Outer, Inner, InitPlan, SubPlan, Member…
 * @param subplanName        "SubPlan 1", "InitPlan 2", "CTE recent" for nodes that are one
 * @param details            conditions and other facts worth showing, in the order the server gave them:
 *                           Filter, Index Cond, Hash Cond, Sort Key, Rows Removed by Filter…
 */
public record PlanNode(String nodeType, String name, Optional<String> relation, Optional<String> alias,
                       Optional<String> indexName, Optional<String> joinType, Optional<String> strategy,
                       Optional<String> parentRelationship, Optional<String> subplanName,
                       double startupCost, double totalCost, double planRows, int planWidth,
                       Optional<Actual> actual, Optional<Buffers> buffers, Map<String, String> details,
                       List<PlanNode> children) {

    /** How large a row misestimate has to be to be flagged: ten times off, either way. */
    public static final double MISESTIMATE_FLAG = 10.0;

    /**
     * What EXPLAIN ANALYZE measured: times in milliseconds and rows, both averaged per loop.
     *
     * @param loops 0 for a node that never ran ("never executed")
     */
    public record Actual(double startupMs, double totalMs, double rows, long loops) {}

    /** Shared buffers hit in cache and read (from the OS or disk), from BUFFERS. */
    public record Buffers(long sharedHit, long sharedRead) {}

    public PlanNode {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details)); // keeps the server's order
        children = List.copyOf(children);
    }

    /** "Index Only Scan using order_items_pkey on order_items i", as in text EXPLAIN. */
    public String title() {
        StringBuilder title = new StringBuilder(name);
        indexName.ifPresent(index -> title.append(nodeType.equals("Bitmap Index Scan") ? " on " : " using ")
                .append(index));
        String target = relation.or(() -> Optional.ofNullable(details.get("CTE Name")))
                .or(() -> Optional.ofNullable(details.get("Function Name"))).orElse(null);
        if (target != null) {
            title.append(" on ").append(target);
            alias.filter(a -> !a.equals(target)).ifPresent(a -> title.append(' ').append(a));
        } else if (!nodeType.equals("Bitmap Index Scan")) {
            alias.ifPresent(a -> title.append(" on ").append(a));
        }
        return title.toString();
    }

    public boolean wasAnalyzed() {
        return actual.isPresent();
    }

    public boolean neverExecuted() {
        return actual.map(a -> a.loops() == 0).orElse(false);
    }

    /** Time spent in this node and below, over all its loops (what "actual time" × loops means). */
    public OptionalDouble inclusiveMs() {
        return actual.map(a -> OptionalDouble.of(a.totalMs() * a.loops())).orElse(OptionalDouble.empty());
    }

    /**
     * Time spent in this node itself: its inclusive time less its children's, never below zero. Below a Gather
     * the children ran in parallel workers, so their per-loop time (close to the wall-clock time the Gather
     * waited) is subtracted, not the sum over workers. A CTE or InitPlan's time can also show up in the node that
     * reads it; the floor at zero keeps that double count from going negative.
     */
    public OptionalDouble exclusiveMs() {
        if (actual.isEmpty()) {
            return OptionalDouble.empty();
        }
        boolean gathers = nodeType.startsWith("Gather");
        double childrenMs = 0;
        for (PlanNode child : children) {
            if (child.actual.isPresent()) {
                Actual a = child.actual.get();
                childrenMs += gathers ? a.totalMs() : a.totalMs() * a.loops();
            }
        }
        return OptionalDouble.of(Math.max(0, inclusiveMs().getAsDouble() - childrenMs));
    }

    /**
     * Actual rows over estimated rows, per loop: above 1 the planner guessed too few, below 1 too many. Both sides
     * count as at least one row, as a zero-row estimate is PostgreSQL's way of saying "about one". Empty without
     * ANALYZE and for nodes that never ran.
     */
    public OptionalDouble rowEstimateFactor() {
        if (actual.isEmpty() || actual.get().loops() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(1, actual.get().rows()) / Math.max(1, planRows));
    }

    /** Whether the row estimate is off by {@link #MISESTIMATE_FLAG} or more, either way. */
    public boolean isMisestimated() {
        OptionalDouble factor = rowEstimateFactor();
        return factor.isPresent()
                && (factor.getAsDouble() >= MISESTIMATE_FLAG || factor.getAsDouble() <= 1 / MISESTIMATE_FLAG);
    }

    /** This node and all below it, depth first, parents before children. */
    public List<PlanNode> flatten() {
        List<PlanNode> all = new ArrayList<>();
        collect(this, all);
        return all;
    }

    private static void collect(PlanNode node, List<PlanNode> into) {
        into.add(node);
        node.children.forEach(child -> collect(child, into));
    }
}
