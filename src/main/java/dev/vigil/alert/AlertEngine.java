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
        return events;
    }

    public synchronized List<Finding> active() {
        return List.copyOf(active.values());
    }
}
