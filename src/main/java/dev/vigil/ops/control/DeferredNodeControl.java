package dev.vigil.ops.control;

import dev.vigil.cluster.NodeEndpoint;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A node control found on first use, so that building a workflow (on the FX thread, say) does no I/O: finding a
 * running lab reads its directory, and that happens on the workflow engine's thread when the plan is made.
 */
final class DeferredNodeControl implements NodeControl {
    private final Supplier<NodeControl> find;
    private volatile NodeControl found;

    DeferredNodeControl(Supplier<NodeControl> find) {
        this.find = find;
    }

    private NodeControl control() {
        NodeControl c = found;
        if (c == null) {
            synchronized (this) {
                if (found == null) {
                    found = find.get();
                }
                c = found;
            }
        }
        return c;
    }

    @Override
    public String kind() {
        return control().kind();
    }

    @Override
    public String describe() {
        return control().describe();
    }

    @Override
    public Optional<ControlAction> stop(String node) {
        return control().stop(node);
    }

    @Override
    public Optional<ControlAction> start(String node) {
        return control().start(node);
    }

    @Override
    public Optional<ControlAction> fence(String node) {
        return control().fence(node);
    }

    @Override
    public Optional<ControlAction> makeStandby(String node, NodeEndpoint upstream) {
        return control().makeStandby(node, upstream);
    }

    @Override
    public Optional<ControlAction> rewind(String node, NodeEndpoint source) {
        return control().rewind(node, source);
    }

    @Override
    public Optional<ControlAction> reclone(String node, NodeEndpoint source) {
        return control().reclone(node, source);
    }

    @Override
    public ProcessState state(String node) {
        return control().state(node);
    }

    @Override
    public Optional<ShutdownRecord> shutdownRecord(String node) {
        return control().shutdownRecord(node);
    }
}
