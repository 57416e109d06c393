package dev.vigil.ops.failover;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.ops.control.ControlAction;
import dev.vigil.ops.control.ControlException;
import dev.vigil.ops.control.NodeControl;
import dev.vigil.ops.control.ProcessState;
import dev.vigil.ops.control.ShutdownRecord;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The lab's real node control with chosen operations made to fail as a broken provider command would (exit 1,
 * nothing done): failure injection at the provider boundary, with real servers behind it.
 */
final class FaultyControl implements NodeControl {
    /** UNREACHABLE_HOST: the fence fails and the status cannot tell, as when the host itself is dead. */
    enum Op { STOP, START, MAKE_STANDBY, UNREACHABLE_HOST }

    private final NodeControl real;
    private final Set<Op> failing = EnumSet.noneOf(Op.class);

    FaultyControl(NodeControl real) {
        this.real = real;
    }

    FaultyControl failing(Op op) {
        failing.add(op);
        return this;
    }

    private Optional<ControlAction> maybeBroken(Op op, Optional<ControlAction> action) {
        if (!failing.contains(op)) {
            return action;
        }
        return action.map(a -> new ControlAction(a.command(), timeout -> {
            throw new ControlException("injected failure: '" + a.command().text() + "' exited 1 and did nothing");
        }));
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public Optional<ControlAction> stop(String node) {
        return maybeBroken(Op.STOP, real.stop(node));
    }

    @Override
    public Optional<ControlAction> start(String node) {
        return maybeBroken(Op.START, real.start(node));
    }

    @Override
    public Optional<ControlAction> fence(String node) {
        if (!failing.contains(Op.UNREACHABLE_HOST)) {
            return real.fence(node);
        }
        return real.fence(node).map(a -> new ControlAction(a.command(), timeout -> {
            throw new ControlException("injected failure: '" + a.command().text() + "' exited 255: ssh: connect to "
                    + "host " + node + " port 22: No route to host");
        }));
    }

    @Override
    public Optional<ControlAction> makeStandby(String node, NodeEndpoint upstream) {
        return maybeBroken(Op.MAKE_STANDBY, real.makeStandby(node, upstream));
    }

    @Override
    public Optional<ControlAction> rewind(String node, NodeEndpoint source) {
        return real.rewind(node, source);
    }

    @Override
    public Optional<ControlAction> reclone(String node, NodeEndpoint source) {
        return real.reclone(node, source);
    }

    @Override
    public ProcessState state(String node) {
        if (failing.contains(Op.UNREACHABLE_HOST)) {
            return ProcessState.unknown("the status command exited 255: ssh: connect to host " + node
                    + " port 22: No route to host");
        }
        return real.state(node);
    }

    @Override
    public Optional<ShutdownRecord> shutdownRecord(String node) {
        return real.shutdownRecord(node);
    }

}
