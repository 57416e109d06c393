package dev.vigil.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each node's latest tick and the one before, fed with cluster samples. A cluster sample is republished on every
 * node's tick, so rates need this: the previous reading of the same node, not the previous cluster sample.
 */
public final class NodeTicks {
    private final Map<String, NodeSample> latest = new ConcurrentHashMap<>();
    private final Map<String, NodeSample> previous = new ConcurrentHashMap<>();

    /**
     * Takes in a sample; returns the nodes that advanced a tick with it, or changed state within one (an overdue
     * sample turned late: the same tick, no longer live).
     */
    public synchronized List<NodeSample> update(ClusterSample sample) {
        List<NodeSample> advanced = new ArrayList<>();
        for (NodeSample node : sample.nodes()) {
            NodeSample last = latest.get(node.node());
            if (last == null || node.tick() > last.tick()
                    || node.tick() == last.tick() && node.status().reachability() != last.status().reachability()) {
                if (last != null) {
                    previous.put(node.node(), last);
                }
                latest.put(node.node(), node);
                advanced.add(node);
            }
        }
        return advanced;
    }

    public Optional<NodeSample> latest(String node) {
        return Optional.ofNullable(latest.get(node));
    }

    public Optional<NodeSample> previous(String node) {
        return Optional.ofNullable(previous.get(node));
    }

    public Map<String, NodeSample> previousTicks() {
        return Map.copyOf(previous);
    }
}
