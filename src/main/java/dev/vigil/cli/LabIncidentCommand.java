package dev.vigil.cli;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.inventory.LabInventory;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabSettings;
import dev.vigil.lab.RunningLabs;
import dev.vigil.lab.workload.MigrationIncident;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"Replay the postmortem's incident on a running lab: a migration (application_name flyway) "
                + "adds a column to shop.orders, taking ACCESS EXCLUSIVE, then sleeps in its transaction while the "
                + "workload piles up behind it.",
                "Watch it in Vigil's Locks view and stop it there (the banner's 'Stop it safely…'). Nothing is "
                        + "committed: however it ends, its transaction rolls back."})
final class LabIncidentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The running lab cluster (lab:NAME, as 'vigil inventory' lists it); default: the only one.")
    String cluster;
    @Option(names = "--seconds", defaultValue = "300", description = "How long the migration holds the lock at most "
            + "(default ${DEFAULT-VALUE}).")
    long seconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ClusterDefinition> labs = LabInventory.running(LabSettings.defaultBaseDir()).clusters();
        Optional<ClusterDefinition> chosen = cluster != null
                ? labs.stream().filter(c -> c.name().equals(cluster)).findFirst()
                : labs.size() == 1 ? Optional.of(labs.get(0)) : Optional.empty();
        if (chosen.isEmpty()) {
            err.println("vigil lab incident: " + (labs.isEmpty() ? "no lab is running; start one with "
                    + "'vigil lab up --workload 50' (or open the window on its demo lab)."
                    : "say which lab cluster with --cluster: " + labs.stream().map(ClusterDefinition::name)
                    .collect(Collectors.joining(", ")) + "."));
            return 1;
        }
        Map<String, Integer> ports = chosen.get().nodes().stream()
                .collect(Collectors.toMap(NodeEndpoint::name, NodeEndpoint::port, (a, b) -> a));
        Optional<LabCluster> lab = RunningLabs.cluster(LabSettings.defaultBaseDir(),
                LabInventory.labClusterName(chosen.get().name()), ports);
        if (lab.isEmpty()) {
            err.println("vigil lab incident: cannot attach to " + chosen.get().name() + " (started by an older Vigil, "
                    + "or not readable by this user).");
            return 1;
        }
        try (MigrationIncident incident = MigrationIncident.start(lab.get())) {
            out.printf("Migration pid %d (application_name %s) ran '%s' on %s's primary and now sleeps in its "
                            + "transaction, holding ACCESS EXCLUSIVE on shop.orders, for at most %d s.%n"
                            + "Open Vigil (packaging/bin/vigil): the Locks view shows the pile-up and offers the "
                            + "guided stop. Ctrl-C here ends the drill too.%n", incident.pid(), MigrationIncident.APPLICATION,
                    MigrationIncident.DDL, chosen.get().name(), seconds);
            out.flush();
            String end = incident.sleep(Duration.ofSeconds(seconds));
            out.println(switch (end) {
                case "57014" -> "The migration was cancelled (57014): its transaction, the new column included, "
                        + "rolled back.";
                case "57P01" -> "The migration's session was terminated (57P01): its transaction rolled back.";
                case "finished" -> "The drill's time ran out; its transaction rolls back now.";
                default -> "The migration ended: " + end + ". Its transaction rolls back.";
            });
        }
        return 0;
    }
}
