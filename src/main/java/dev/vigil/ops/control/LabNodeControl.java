package dev.vigil.ops.control;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.StopMode;
import dev.vigil.lab.host.ControlFile;
import dev.vigil.lab.host.LabException;
import dev.vigil.ops.workflow.Command;
import java.time.Duration;
import java.util.Optional;

/**
 * Node control for a lab cluster this JVM runs: {@code pg_ctl} on this machine, as the lab's service user, and
 * pg_control read straight from the data directory.
 */
public final class LabNodeControl implements NodeControl {
    private final LabCluster cluster;

    public LabNodeControl(LabCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String kind() {
        return "lab";
    }

    @Override
    public String describe() {
        return "the lab's pg_ctl on this machine";
    }

    @Override
    public Optional<ControlAction> stop(String node) {
        return lab(node).map(n -> action(n.stopCommandLine(StopMode.FAST), () -> {
            n.stop(StopMode.FAST);
            return n.name() + " stopped (fast)";
        }));
    }

    @Override
    public Optional<ControlAction> start(String node) {
        return lab(node).map(n -> action(n.startCommandLine(), () -> {
            n.start();
            return n.name() + " started";
        }));
    }

    @Override
    public Optional<ControlAction> fence(String node) {
        return lab(node).map(n -> action(n.stopCommandLine(StopMode.IMMEDIATE) + "; kill -9 if still running; touch "
                + n.dataDir().resolve("standby.signal"), () -> {
            cluster.fence(n);
            return n.name() + " is down and marked standby: started again, it can only come up read-only";
        }));
    }

    @Override
    public Optional<ControlAction> makeStandby(String node, NodeEndpoint upstream) {
        return lab(node).flatMap(n -> lab(upstream.name()).map(u -> action("touch " + n.dataDir().resolve("standby.signal")
                + "; write primary_conninfo (host=" + u.host() + " port=" + u.port() + ") to "
                + n.dataDir().resolve("vigil_node.conf"), () -> {
            cluster.prepareStandby(n, u);
            return n.name() + " will start as a standby of " + u.name();
        })));
    }

    @Override
    public Optional<ControlAction> rewind(String node, NodeEndpoint source) {
        if (!cluster.canRewind()) {
            return Optional.empty();
        }
        return lab(node).flatMap(n -> lab(source.name()).map(s -> action(cluster.rewindCommandLine(n, s), () -> {
            String said = cluster.rewind(n, s);
            return n.name() + " rewound to the timeline of " + s.name() + " and readied as its standby (pg_rewind: "
                    + said.replace('\n', ' ') + ")";
        })));
    }

    @Override
    public Optional<ControlAction> reclone(String node, NodeEndpoint source) {
        return lab(node).flatMap(n -> lab(source.name()).map(s -> action(cluster.recloneCommandLine(n, s), () -> {
            cluster.reclone(n, s);
            return n.name() + " re-cloned from " + s.name() + " and started as its standby";
        })));
    }

    @Override
    public ProcessState state(String node) {
        Optional<LabNode> n = lab(node);
        if (n.isEmpty()) {
            return ProcessState.unknown(node + " is not a node of lab cluster " + cluster.name());
        }
        return n.get().postmaster()
                .map(p -> ProcessState.running("postmaster pid " + p.pid() + " serves " + n.get().dataDir()))
                .orElseGet(() -> ProcessState.stopped("no live postmaster for " + n.get().dataDir()
                        + " (postmaster.pid absent or stale)"));
    }

    @Override
    public Optional<ShutdownRecord> shutdownRecord(String node) {
        return lab(node).filter(n -> !n.isRunning()).flatMap(n -> {
            try {
                ControlFile control = ControlFile.read(n.dataDir());
                return Optional.of(new ShutdownRecord(control.state().isCleanShutdown(),
                        control.state().toString(), control.checkpoint(), control.timeline()));
            } catch (LabException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<LabNode> lab(String node) {
        return cluster.nodes().stream().filter(n -> n.name().equals(node)).findFirst();
    }

    @FunctionalInterface
    private interface LabWork {
        String run() throws LabException;
    }

    private static ControlAction action(String commandLine, LabWork work) {
        return new ControlAction(Command.described(commandLine), (Duration timeout) -> {
            try {
                return work.run();
            } catch (LabException e) {
                throw new ControlException(e.getMessage(), e);
            }
        });
    }
}
