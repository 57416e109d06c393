package dev.vigil.ops.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads EXPLAIN (FORMAT JSON) output, of any option combination, into a {@link QueryPlan}. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The facts shown next to a node, in this order when present. */
    private static final List<String> DETAIL_KEYS = List.of(
            "Index Cond", "Recheck Cond", "Hash Cond", "Merge Cond", "Join Filter", "Filter", "One-Time Filter",
            "TID Cond", "Order By", "Rows Removed by Index Recheck", "Rows Removed by Join Filter",
            "Rows Removed by Filter", "Heap Fetches", "Exact Heap Blocks", "Lossy Heap Blocks", "Sort Key",
            "Presorted Key", "Sort Method", "Sort Space Used", "Sort Space Type", "Group Key", "Cache Key",
            "Cache Hits", "Cache Misses", "Hash Buckets", "Hash Batches", "Peak Memory Usage", "Workers Planned",
            "Workers Launched", "CTE Name", "Function Name", "Command", "Conflict Resolution",
            "Tuples Inserted", "Conflicting Tuples", "Shared Dirtied Blocks", "Shared Written Blocks",
            "Temp Read Blocks", "Temp Written Blocks");

    /** Counters that say something only when they are not zero. */
    private static final Set<String> NONZERO_ONLY = Set.of("Rows Removed by Index Recheck",
            "Rows Removed by Join Filter", "Rows Removed by Filter", "Heap Fetches", "Lossy Heap Blocks",
            "Shared Dirtied Blocks", "Shared Written Blocks", "Temp Read Blocks", "Temp Written Blocks");

    private PlanJson() {}

    /**
     * Parses the JSON text of one EXPLAIN.
     *
     * @throws IllegalArgumentException if it is not EXPLAIN JSON
     */
    public static QueryPlan parse(String json) {
        JsonNode top;
        try {
            top = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode explain = top != null && top.isArray() && !top.isEmpty() ? top.get(0) : top;
        if (explain == null || !explain.path("Plan").isObject()) {
            throw new IllegalArgumentException("Not EXPLAIN (FORMAT JSON) output: no \"Plan\" object.");
        }
        List<TriggerTime> triggers = new ArrayList<>();
        for (JsonNode t : explain.path("Triggers")) {
            triggers.add(new TriggerTime(t.path("Trigger Name").asText(""), t.path("Relation").asText(""),
                    t.path("Time").asDouble(), t.path("Calls").asLong()));
        }
        return new QueryPlan(node(explain.get("Plan")), number(explain, "Planning Time"),
                number(explain, "Execution Time"), triggers, json);
    }

    private static PlanNode node(JsonNode n) {
        String type = n.path("Node Type").asText("?");
        Optional<PlanNode.Actual> actual = n.has("Actual Loops")
                ? Optional.of(new PlanNode.Actual(n.path("Actual Startup Time").asDouble(),
                        n.path("Actual Total Time").asDouble(), n.path("Actual Rows").asDouble(),
                        n.path("Actual Loops").asLong()))
                : Optional.empty();
        Optional<PlanNode.Buffers> buffers = n.has("Shared Hit Blocks")
                ? Optional.of(new PlanNode.Buffers(n.path("Shared Hit Blocks").asLong(),
                        n.path("Shared Read Blocks").asLong()))
                : Optional.empty();
        List<PlanNode> children = new ArrayList<>();
        for (JsonNode child : n.path("Plans")) {
            children.add(node(child));
        }
        return new PlanNode(type, name(n, type), text(n, "Relation Name"), text(n, "Alias"),
                text(n, "Index Name"), text(n, "Join Type"), text(n, "Strategy"), text(n, "Parent Relationship"),
                text(n, "Subplan Name"), n.path("Startup Cost").asDouble(), n.path("Total Cost").asDouble(),
                n.path("Plan Rows").asDouble(), n.path("Plan Width").asInt(), actual, buffers, details(n),
                children);
    }

    /** The name text EXPLAIN gives the node, built the way PostgreSQL's explain.c builds it. */
    private static String name(JsonNode n, String type) {
        String strategy = n.path("Strategy").asText("");
        String name = switch (type) {
            case "Aggregate" -> switch (strategy) {
                case "Sorted" -> "GroupAggregate";
                case "Hashed" -> "HashAggregate";
                case "Mixed" -> "MixedAggregate";
                default -> "Aggregate";
            };
            case "SetOp" -> strategy.equals("Hashed") ? "HashSetOp" : "SetOp";
            case "ModifyTable" -> n.path("Operation").asText(type);
            default -> type;
        };
        String joinType = n.path("Join Type").asText("Inner");
        if (!joinType.equals("Inner")) {
            if (type.equals("Nested Loop")) {
                name = name + " " + joinType + " Join";
            } else if (type.endsWith(" Join")) {
                name = type.substring(0, type.length() - " Join".length()) + " " + joinType + " Join";
            }
        }
        String partialMode = n.path("Partial Mode").asText("Simple");
        if (!partialMode.equals("Simple")) {
            name = partialMode + " " + name;
        }
        return n.path("Parallel Aware").asBoolean(false) ? "Parallel " + name : name;
    }

    private static Map<String, String> details(JsonNode n) {
        Map<String, String> details = new LinkedHashMap<>();
        for (String key : DETAIL_KEYS) {
            JsonNode value = n.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (NONZERO_ONLY.contains(key) && value.isNumber() && value.asDouble() == 0) {
                continue;
            }
            details.put(key, value.isArray()
                    ? StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                            .collect(Collectors.joining(", "))
                    : value.asText());
        }
        return details;
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode value = n.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static OptionalDouble number(JsonNode n, String key) {
        JsonNode value = n.get(key);
        return value == null || !value.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }
}
