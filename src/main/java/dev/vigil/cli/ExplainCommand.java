package dev.vigil.cli;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.ops.MissingOperatorLogin;
import dev.vigil.ops.explain.ExplainLimits;
import dev.vigil.ops.explain.ExplainRequest;
import dev.vigil.ops.explain.ExplainResult;
import dev.vigil.ops.explain.NodeExplain;
import dev.vigil.ops.explain.PlanNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil explain}: the Queries view's EXPLAIN, headless, through the same core ({@link NodeExplain}). */
@Command(name = "explain", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
        description = {"EXPLAIN one statement on a node, as the cluster's operator role, in a transaction that is "
                + "always rolled back. Prints every statement sent, the plan and its timings.",
                "Exit 0 planned or analyzed, 2 refused before anything was sent, 3 failed on the server or no login, "
                        + "1 usage."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--cluster", required = true, paramLabel = "NAME",
            description = "The cluster (from the inventory; running labs are named lab:<name>).")
    String cluster;
    @Option(names = "--node", paramLabel = "NODE", description = "The node to explain on (default: the cluster's first).")
    String node;
    @Option(names = "--analyze", description = "Run it with EXPLAIN ANALYZE (BUFFERS), rolled back afterwards.")
    boolean analyze;
    @Option(names = "--allow-writes", description = "With --analyze: a writing statement may run; its changes are "
            + "rolled back (sequence values it draws are not).")
    boolean allowWrites;
    @Option(names = "--config", paramLabel = "FILE", description = "Inventory file (default: ${DEFAULT-VALUE}).")
    Path config = InventoryFile.defaultPath();
    @Parameters(index = "0", paramLabel = "STATEMENT", description = "One statement; $1… placeholders need PostgreSQL 16+.")
    String statement;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterDefinition> found = GuidedAction.cluster(config, cluster, "explain", err);
        if (found.isEmpty()) {
            return GuidedAction.USAGE;
        }
        ClusterDefinition definition = found.get();
        Optional<NodeEndpoint> target = node == null ? definition.nodes().stream().findFirst() : definition.node(node);
        if (target.isEmpty()) {
            err.println("vigil explain: cluster " + cluster + " has no node " + node + ". Nodes: "
                    + String.join(", ", definition.nodes().stream().map(NodeEndpoint::name).toList()) + ".");
            return GuidedAction.USAGE;
        }
        ExplainRequest request = analyze ? ExplainRequest.analyze(statement, allowWrites) : ExplainRequest.plan(statement);
        out.println("EXPLAIN on " + definition.name() + "/" + target.get().name() + " (" + target.get().address() + ")");
        ExplainResult result;
        try {
            result = NodeExplain.explain(definition, target.get(), OptionalInt.empty(), request, ExplainLimits.DEFAULT);
        } catch (MissingOperatorLogin e) {
            err.println("vigil explain: " + e.getMessage() + " " + MissingOperatorLogin.fix(definition.name()));
            return GuidedAction.FAILED;
        } catch (SQLException e) {
            err.println("vigil explain: cannot log in to " + definition.name() + "/" + target.get().name() + ": "
                    + e.getMessage());
            return GuidedAction.FAILED;
        }
        print(result, out);
        out.flush();
        return switch (result.outcome()) {
            case PLANNED, ANALYZED -> GuidedAction.OK;
            case REFUSED -> GuidedAction.NOT_RUN;
            case FAILED -> GuidedAction.FAILED;
        };
    }

    static void print(ExplainResult result, PrintWriter out) {
        if (!result.sent().isEmpty()) {
            out.println("Sent:");
            result.sent().forEach(s -> out.println("  " + s.replaceAll("\\s+", " ").trim()));
        }
        result.plan().ifPresent(plan -> {
            out.println("Plan:");
            printNode(plan.root(), 1, out);
            StringBuilder times = new StringBuilder();
            plan.planningMs().ifPresent(ms -> times.append("Planning ").append(ms(ms)).append(" ms"));
            plan.executionMs().ifPresent(ms -> times.append(times.isEmpty() ? "" : " · ").append("Execution ")
                    .append(ms(ms)).append(" ms"));
            if (!times.isEmpty()) {
                out.println(times);
            }
        });
        out.println(result.outcome() + ": " + result.message());
    }

    /** As text EXPLAIN prints a node: title, estimates, what was measured, then its details and children. */
    private static void printNode(PlanNode node, int depth, PrintWriter out) {
        String indent = "  ".repeat(depth);
        StringBuilder line = new StringBuilder(indent).append(depth > 1 ? "-> " : "").append(node.title())
                .append(String.format(Locale.ROOT, "  (cost=%.2f..%.2f rows=%.0f width=%d)", node.startupCost(),
                        node.totalCost(), node.planRows(), node.planWidth()));
        node.actual().ifPresent(a -> line.append(a.loops() == 0 ? " (never executed)"
                : String.format(Locale.ROOT, " (actual time=%s..%s rows=%.0f loops=%d)", ms(a.startupMs()),
                ms(a.totalMs()), a.rows(), a.loops())));
        out.println(line);
        for (Map.Entry<String, String> detail : node.details().entrySet()) {
            out.println(indent + "      " + detail.getKey() + ": " + detail.getValue());
        }
        node.children().forEach(child -> printNode(child, depth + 1, out));
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }
}
