package dev.vigil.cli;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.inventory.Inventory;
import dev.vigil.journal.Journal;
import dev.vigil.lab.LabSettings;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.control.NodeControls;
import dev.vigil.ops.failover.FailoverSettings;
import dev.vigil.ops.failover.NodeFences;
import dev.vigil.ops.workflow.Confirmation;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEngine;
import dev.vigil.ops.workflow.WorkflowReport;
import dev.vigil.ops.workflow.WorkflowRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one switchover, failover, rejoin or migration apply or rollback from the command line the way the window does: prepare (topology, plan,
 * prechecks) on the workflow engine, print it, then stop (dry run, blocked) or take the operator's confirmation
 * and execute it with live progress, all journaled. The confirmation comes from the options or the terminal,
 * never from a guess: with neither, nothing runs.
 */
public final class GuidedAction {
    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int NOT_RUN = 2;
    static final int FAILED = 3;

    /** Builds the workflow for the chosen cluster; an IllegalArgumentException is a usage error. */
    @FunctionalInterface
    interface Factory {
        Workflow create(ClusterDefinition cluster, NodeControl control, FailoverSettings settings, NodeFences fences);
    }

    private final ActionOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Optional<OperatorConsole> console;

    public GuidedAction(ActionOptions options, PrintWriter out, PrintWriter err, Optional<OperatorConsole> console) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    /** The operator's terminal: the command's own out and err (tests capture them), and the system console. */
    public static GuidedAction onTerminal(ActionOptions options, CommandSpec spec) {
        return new GuidedAction(options, spec.commandLine().getOut(), spec.commandLine().getErr(),
                OperatorConsole.system());
    }

    int run(String command, Factory factory) throws InterruptedException {
        return run(command, factory, true);
    }

    /** A workflow that acts through SQL alone (schema migrations): no server is stopped or started. */
    public int runThroughSql(String command, Function<ClusterDefinition, Workflow> factory) throws InterruptedException {
        return run(command, (cluster, control, settings, fences) -> factory.apply(cluster), false);
    }

    /**
     * The cluster named {@code name} in the inventory and the running labs; when there is none, says so on
     * {@code err} with the names there are and the inventory's problems.
     */
    public static Optional<ClusterDefinition> cluster(Path config, String name, String command, PrintWriter err) {
        Inventory inventory = Inventory.discover(config, LabSettings.defaultBaseDir());
        Optional<ClusterDefinition> cluster = inventory.clusters().stream()
                .filter(c -> c.name().equals(name)).findFirst();
        if (cluster.isEmpty()) {
            err.println("vigil " + command + ": no cluster named " + name + ". Known: "
                    + (inventory.clusters().isEmpty() ? "none (configure one with 'vigil inventory', or start a lab "
                    + "with 'vigil lab up')" : String.join(", ", inventory.clusters().stream()
                    .map(ClusterDefinition::name).toList())) + ".");
            inventory.problems().forEach(p -> err.println("  " + p));
        }
        return cluster;
    }

    private int run(String command, Factory factory, boolean showNodeControl) throws InterruptedException {
        Optional<ClusterDefinition> cluster = cluster(options.config, options.cluster, command, err);
        if (cluster.isEmpty()) {
            return USAGE;
        }
        NodeControl control = NodeControls.withRunningLabs(LabSettings.defaultBaseDir()).forCluster(cluster.get());
        try (Journal journal = Journal.open(options.journal); WorkflowEngine engine = new WorkflowEngine(journal)) {
            NodeFences fences = NodeFences.besideJournal(journal.file());
            Workflow workflow;
            try {
                workflow = factory.create(cluster.get(), control, FailoverSettings.defaults(), fences);
            } catch (IllegalArgumentException e) {
                err.println("vigil " + command + ": " + e.getMessage() + ".");
                return USAGE;
            }
            out.println(workflow.title() + (options.dryRun ? " (dry run: nothing will be changed)" : ""));
            out.println((showNodeControl ? "Node control: " + control.describe() + ". " : "") + "Journal: "
                    + journal.file() + ".");
            out.println();
            out.flush();
            WorkflowPrinter printer = new WorkflowPrinter(out, workflow);
            WorkflowReport report = options.dryRun
                    ? await(engine.dryRun(workflow, printer))
                    : execute(engine, await(engine.prepare(workflow, printer)), printer);
            synchronized (out) {
                out.println("Journaled as run " + report.proposal().runId() + " in " + journal.file() + ".");
                out.flush();
            }
            return WorkflowPrinter.exitCode(report);
        }
    }

    private WorkflowReport execute(WorkflowEngine engine, Proposal proposal, WorkflowPrinter printer)
            throws InterruptedException {
        Optional<Confirmation> answer = proposal.blocked()
                // Answered so that the journal holds the outcome; the engine refuses a blocked proposal.
                ? Optional.of(Confirmation.confirm().typing(Optional.ofNullable(options.typed).orElse("")))
                : confirmation(proposal);
        WorkflowRun run = engine.execute(proposal, answer.orElseGet(Confirmation::decline), printer);
        // Long enough for every step to end: a switchover asked to stop between its stop and its promotion
        // carries on to the promotion first, and the process must not end under it.
        java.time.Duration worstCase = proposal.plan().steps().stream().map(dev.vigil.ops.workflow.Step::timeout)
                .reduce(java.time.Duration.ofMinutes(1), java.time.Duration::plus);
        Thread cancelOnInterrupt = new Thread(() -> {
            run.cancel();
            try {
                run.report().get(worstCase.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                // Leaving anyway: the journal says which steps started.
            }
        }, "vigil-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            return await(run.report());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the report.
            }
        }
    }

    /** The operator's confirmation from the options or the terminal; empty when not given (declined). */
    private Optional<Confirmation> confirmation(Proposal proposal) {
        Confirmation c = Confirmation.confirm();
        out.println();
        if (proposal.hasWarnings()) {
            if (options.acknowledgeWarnings) {
                c = c.acknowledgingWarnings();
                say("Warnings acknowledged (--acknowledge-warnings).");
            } else if (console.isEmpty()) {
                return refuse("the prechecks gave warnings and there is no terminal to acknowledge them: read them, "
                        + "then run again with --acknowledge-warnings");
            } else if (console.get().ask("Acknowledge the warnings above and go on? [y/N] ")
                    .filter(a -> a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes")).isEmpty()) {
                return refuse("the warnings were not acknowledged");
            } else {
                c = c.acknowledgingWarnings();
            }
        }
        String word = proposal.confirmationWord();
        String typed;
        if (options.typed != null) {
            typed = options.typed;
        } else if (console.isEmpty()) {
            return refuse("there is no terminal to type the cluster name into: to run it, add --yes-i-typed " + word);
        } else {
            typed = console.get().ask("Type the cluster name (" + word + ") to go ahead, anything else to stop: ")
                    .orElse("");
        }
        if (!proposal.typedConfirmationRequired() && !word.equals(typed)) {
            // The engine checks the typed name only where the workflow asks for it; here every action does.
            return refuse("the cluster name was not typed as '" + word + "'");
        }
        return Optional.of(c.typing(typed));
    }

    private Optional<Confirmation> refuse(String why) {
        say("Not confirmed: " + why + ".");
        return Optional.empty();
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
