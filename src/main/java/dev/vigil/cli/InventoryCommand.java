package dev.vigil.cli;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.inventory.Inventory;
import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.lab.LabSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Show the clusters Vigil would watch (config file and running labs) and any problem with them. "
                + "Exits 1 if the file has errors.")
final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--config", paramLabel = "FILE", description = "Inventory file (default: ${DEFAULT-VALUE}).")
    Path config = InventoryFile.defaultPath();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Inventory inventory = Inventory.discover(config, LabSettings.defaultBaseDir());
        for (ClusterDefinition cluster : inventory.clusters()) {
            out.printf("%s  (sampled every %d ms)%n", cluster.name(), cluster.interval().toMillis());
            for (NodeEndpoint n : cluster.nodes()) {
                out.printf("  %-12s %s@%s/%s  sslmode=%s  password: %s%n", n.name(), n.user(), n.address(),
                        n.database(), n.ssl().mode().pgName(), n.passwordSource().name().toLowerCase());
            }
        }
        inventory.alertOverrides().forEach((k, v) -> out.printf("alert threshold %s = %s%n", k, v));
        boolean errors = inventory.problems().stream().anyMatch(p -> p.severity() == InventoryProblem.Severity.ERROR);
        if (inventory.clusters().isEmpty()) {
            out.println(errors ? "No cluster could be loaded; the window would show the problems below."
                    : "No clusters: the window would start its demo lab.");
        }
        inventory.problems().forEach(out::println);
        return errors ? 1 : 0;
    }
}
