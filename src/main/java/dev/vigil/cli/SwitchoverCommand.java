package dev.vigil.cli;

import dev.vigil.ops.failover.SwitchoverWorkflow;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "switchover", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = GuidedAction.USAGE,
        description = {"Hand the primary role to a standby with no acknowledged commit lost: checkpoint, clean stop, "
                + "wait for the standby to replay the last record, promote, re-point, rejoin the old primary.",
                "Prints the topology before and after, the plan with each exact command, the prechecks, the "
                        + "consequence; then asks for the cluster name. Exit 0 done (or a clean dry run), 2 blocked, "
                        + "refused or declined, 3 failed, unknown or not verified, 1 usage."})
final class SwitchoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ActionOptions options;
    @Option(names = "--to", required = true, paramLabel = "NODE", description = "The standby that becomes the primary.")
    String to;

    @Override
    public Integer call() throws Exception {
        return GuidedAction.onTerminal(options, spec).run("switchover", (cluster, control, settings, fences) ->
                new SwitchoverWorkflow(cluster, to, control, settings, fences));
    }
}
