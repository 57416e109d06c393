package dev.vigil.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns findings into alerts with a life: raised the first time a finding appears, cleared the first time it is
 * gone, silent in between (its evidence is kept up to date). Pure: state in, events out; tests drive it directly.
 */
public final class AlertEngine {
    private final String cluster;
    private final List<AlertRule> rules;
    private final Map<String, Finding> active = new LinkedHashMap<>();
    private final Map<String, Instant> raisedAt = new LinkedHashMap<>();

    public AlertEngine(String cluster, List<AlertRule> rules) {
        this.cluster = cluster;
        this.rules = List.copyOf(rules);
    }

    public synchronized List<AlertEvent> evaluate(Observation observation, Instant at) {
        Map<String, Finding> now = new LinkedHashMap<>();
        for (AlertRule rule : rules) {
            for (Finding f : rule.evaluate(observation)) {
                now.putIfAbsent(f.identity(), f);
            }
        }
        // A late node's values are not offered to rules, so its findings would vanish: they are not gone, only
        // unknown, and stay raised (unchanged) until the node answers. Cluster-wide ones too, while any node is
        // late, except "no primary" once a primary is up: that is known.
        java.util.Set<String> late = new java.util.HashSet<>();
        observation.status().nodes().stream().filter(dev.vigil.cluster.NodeStatus::isLate)
                .forEach(n -> late.add(n.node()));
        boolean primaryUp = !observation.status().primaries().isEmpty();
        for (Map.Entry<String, Finding> e : active.entrySet()) {
            String node = e.getValue().node();
            boolean clusterWide = node.isEmpty() && !late.isEmpty()
                    && !(primaryUp && e.getValue().rule().equals("no-primary"));
            if (late.contains(node) || clusterWide) {
                now.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        List<AlertEvent> events = new ArrayList<>();
        for (Map.Entry<String, Finding> e : now.entrySet()) {
            if (!active.containsKey(e.getKey())) {
                events.add(new AlertEvent(AlertEvent.Kind.RAISED, cluster, e.getValue(), at));
            }
        }
        for (Map.Entry<String, Finding> e : active.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                events.add(new AlertEvent(AlertEvent.Kind.CLEARED, cluster, e.getValue(), at));
            }
        }
        active.clear();
        active.putAll(now);
        raisedAt.keySet().retainAll(now.keySet());
        now.keySet().forEach(k -> raisedAt.putIfAbsent(k, at));
        return events;
    }

    public synchronized List<Finding> active() {
        return List.copyOf(active.values());
    }

    /** Each active alert's newest finding with the time it was raised. */
    public synchronized Map<Finding, Instant> activeSince() {
        Map<Finding, Instant> since = new LinkedHashMap<>();
        active.forEach((key, finding) -> since.put(finding, raisedAt.get(key)));
        return since;
    }
}
