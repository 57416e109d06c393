package dev.vigil.cli;

import dev.vigil.ops.failover.RejoinWorkflow;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rejoin", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
        description = {"Make a node a standby of the current primary again: re-point a running standby, or rewind "
                + "(pg_rewind) or re-clone a stopped former primary, then clear its 'needs rejoin' mark.",
                "Exit codes as for switchover."})
final class RejoinCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ActionOptions options;
    @Option(names = "--node", required = true, paramLabel = "NODE", description = "The node to bring back.")
    String node;

    @Override
    public Integer call() throws Exception {
        return GuidedAction.onTerminal(options, spec).run("rejoin", (cluster, control, settings, fences) ->
                new RejoinWorkflow(cluster, node, control, settings, fences));
    }
}
