package dev.vigil.cli;

import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabCredentials;
import dev.vigil.lab.LabJanitor;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import dev.vigil.lab.LabStatusReport;
import dev.vigil.lab.host.Waits;
import dev.vigil.lab.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Real, disposable PostgreSQL clusters on 127.0.0.1 for trying, testing and training.",
        subcommands = {LabCommand.Up.class, LabCommand.Status.class, LabCommand.Down.class, LabIncidentCommand.class})
final class LabCommand {

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start a cluster (a primary and streaming standbys), print how to connect, "
                    + "run until Ctrl-C, then remove it.")
    static final class Up implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--standbys", defaultValue = "2", description = "Streaming standbys (default ${DEFAULT-VALUE}).")
        int standbys;
        @Option(names = "--workload", defaultValue = "0", paramLabel = "TPS",
                description = "Run the shop workload at this many transactions per second (default: none).")
        double workloadTps;
        @Option(names = "--pg-bin", paramLabel = "DIR",
                description = "PostgreSQL bin directory (default: VIGIL_PG_BIN, else PostgreSQL 17 from Maven).")
        Path pgBin;
        @Option(names = "--name", defaultValue = "demo", description = "Cluster name (default ${DEFAULT-VALUE}).")
        String name;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Lab lab = Lab.open(LabSettings.fromEnvironment().withPgBin(pgBin));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                out.println("\nStopping the lab and removing " + lab.dir() + " ...");
                out.flush();
                lab.close();
                stopped.countDown();
            }, "vigil-lab-up-stop"));
            LabCluster cluster = lab.createCluster(name, standbys);
            out.printf("Lab cluster '%s' is up: %s, streaming after %d ms.%n%n", cluster.name(), lab.binaries(),
                    cluster.startupTimings().total().toMillis());
            printConnections(out, lab, cluster);
            Workload workload = workloadTps > 0
                    ? Workload.start(cluster, new Workload.Settings(workloadTps, 0.5, Math.max(1, (int) Math.min(8, workloadTps / 50))))
                    : null;
            if (workload != null) {
                out.printf("%nShop workload running at %.0f tx/s (half writes).%n", workloadTps);
            }
            out.println("\nPress Ctrl-C to stop the cluster and remove its files.");
            out.flush();
            while (stopped.getCount() > 0) {
                Waits.within(Duration.ofSeconds(30), () -> stopped.getCount() == 0);
                if (workload != null && stopped.getCount() > 0) {
                    Workload.Stats s = workload.stats();
                    out.printf("workload: %d commits acknowledged, %d reads, %d failed%n", s.acknowledgedWrites(),
                            s.reads(), s.failures());
                    out.flush();
                }
            }
        }

        private static void printConnections(PrintWriter out, Lab lab, LabCluster cluster) {
            out.printf("%-6s %-8s %-6s %s%n", "node", "role", "port", "connect with psql");
            for (LabNode node : cluster.nodes()) {
                String role = node == cluster.nodes().get(0) ? "primary" : "standby";
                out.printf("%-6s %-8s %-6d psql \"host=%s port=%d dbname=%s user=%s passfile=%s\"%n", node.name(),
                        role, node.port(), node.host(), node.port(), LabCluster.DATABASE, LabCredentials.SUPERUSER,
                        lab.pgpassFile());
            }
            out.printf("%nAny node, writes go to the primary (JDBC): %s%n", cluster.primaryJdbcUrl());
            out.printf("Roles: %s (superuser), %s (pg_monitor), %s (replication); passwords in %s (mode 0600).%n",
                    LabCredentials.SUPERUSER, LabCredentials.MONITOR_USER, LabCredentials.REPLICATION_USER,
                    lab.pgpassFile());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List this user's labs and their nodes.")
    static final class Status implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path base = LabSettings.defaultBaseDir();
            List<LabJanitor.FoundLab> labs = LabJanitor.scan(base);
            if (labs.isEmpty()) {
                out.println("No labs in " + base + ".");
                return;
            }
            for (LabJanitor.FoundLab lab : labs) {
                out.printf("%s%n  owner pid %d (%s), %s, started %s%n", lab.dir(), lab.marker().ownerPid(),
                        lab.stale() ? "gone: stale, removed at the next lab start or by 'vigil lab down'" : "running",
                        lab.marker().binaries(), lab.marker().created());
                for (LabStatusReport.NodeLine n : LabStatusReport.describe(lab)) {
                    out.printf("  %-10s %-5s port %-6d %-11s %s%n", n.cluster(), n.node(), n.port(), n.role(),
                            n.version());
                }
            }
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Stop this user's labs: ask each running 'lab up' to shut down, remove stale ones.")
    static final class Down implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<LabJanitor.FoundLab> labs = LabJanitor.scan(LabSettings.defaultBaseDir());
            if (labs.isEmpty()) {
                out.println("No labs to stop.");
                return;
            }
            for (LabJanitor.FoundLab lab : labs) {
                if (!lab.stale()) {
                    // SIGTERM: the owner's shutdown hook stops its servers and removes its directory.
                    ProcessHandle.of(lab.marker().ownerPid()).ifPresent(ProcessHandle::destroy);
                    if (Waits.within(Duration.ofSeconds(60), () -> !lab.dir().toFile().exists())) {
                        out.println("Stopped " + lab.dir() + " (owner pid " + lab.marker().ownerPid() + ").");
                        continue;
                    }
                    out.println("Owner " + lab.marker().ownerPid() + " did not clean up in 60 s; removing it directly.");
                }
                LabJanitor.destroy(lab.dir());
                out.println("Removed " + lab.dir() + ".");
            }
        }
    }
}
