package dev.vigil.cli;

import dev.vigil.monitor.seen.SeenWrites;
import dev.vigil.ops.failover.FailoverWorkflow;
import dev.vigil.ops.failover.LastSeenSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "failover", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
        description = {"The primary is down: fence it, promote the most advanced standby (or --to), re-point the "
                + "others, and mark the old primary 'needs rejoin'.",
                "Prints the data-loss estimate and the fencing status among the prechecks; needs the cluster name "
                        + "typed. Exit codes as for switchover."})
final class FailoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ActionOptions options;
    @Option(names = "--to", paramLabel = "NODE", description = "The standby to promote (default: the one that has "
            + "received the most WAL).")
    String to;

    @Override
    public Integer call() throws Exception {
        // The command line keeps no monitor history of its own: the data-loss estimate comes from what the monitors
        // (the window, `vigil watch`) recorded beside this journal.
        LastSeenSource seen = LastSeenSource.file(SeenWrites.besideJournal(options.journal));
        return GuidedAction.onTerminal(options, spec).run("failover", (cluster, control, settings, fences) ->
                new FailoverWorkflow(cluster, Optional.ofNullable(to), control, settings, fences, seen));
    }
}
