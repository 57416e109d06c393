package dev.vigil.monitor.activity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Active client sessions counted by wait class at one tick: sampled every tick, a stack of these over time is an
 * active-session history without any extension.
 */
public record WaitProfile(Map<String, Integer> activeByWaitClass) {
    public static final String CPU = "CPU";

    public WaitProfile {
        activeByWaitClass = Map.copyOf(activeByWaitClass);
    }

    public static WaitProfile of(List<SessionActivity> sessions) {
        Map<String, Integer> counts = new TreeMap<>();
        sessions.stream().filter(SessionActivity::isClientBackend).filter(SessionActivity::isActive)
                .forEach(s -> counts.merge(s.waitClass(), 1, Integer::sum));
        return new WaitProfile(counts);
    }

    public int active() {
        return activeByWaitClass.values().stream().mapToInt(Integer::intValue).sum();
    }
}
