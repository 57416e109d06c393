package dev.vigil.alert;

import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.NodeTicks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Alerts for one monitored cluster: evaluates the rules on each new sample (on the monitor's delivery thread,
 * never the sampler's), writes every raised and cleared alert to the journal, then tells listeners.
 */
public final class ClusterAlerts implements AutoCloseable {
    private final SampleFeed feed;
    private final AlertEngine engine;
    private final Journal journal;
    private final List<Consumer<AlertEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<ClusterSample> subscriber = this::onSample;
    private final NodeTicks ticks = new NodeTicks();

    public ClusterAlerts(SampleFeed feed, List<AlertRule> rules, Journal journal) {
        this.feed = feed;
        this.engine = new AlertEngine(feed.cluster().name(), rules);
        this.journal = journal;
    }

    public void start() {
        feed.subscribeSamples(subscriber);
    }

    public void subscribe(Consumer<AlertEvent> listener) {
        listeners.add(listener);
    }

    public List<Finding> active() {
        return engine.active();
    }

    public Map<Finding, Instant> activeSince() {
        return engine.activeSince();
    }

    private synchronized void onSample(ClusterSample sample) {
        if (ticks.update(sample).isEmpty()) {
            return; // republished for another reason; no node has anything new to judge
        }
        Instant at = Instant.now();
        for (AlertEvent event : engine.evaluate(new Observation(ticks.previousTicks(), sample), at)) {
            journal.append(entry(event));
            listeners.forEach(l -> l.accept(event));
        }
    }

    static JournalEntry entry(AlertEvent e) {
        Map<String, String> evidence = new LinkedHashMap<>(e.finding().evidence());
        evidence.put("rule", e.finding().rule());
        evidence.put("severity", e.finding().severity().name().toLowerCase());
        if (!e.finding().key().isEmpty()) {
            evidence.put("key", e.finding().key());
        }
        String kind = e.kind() == AlertEvent.Kind.RAISED ? "alert.raised" : "alert.cleared";
        String summary = (e.kind() == AlertEvent.Kind.CLEARED ? "cleared: " : "") + e.finding().message();
        return new JournalEntry(e.at(), kind, e.cluster(), e.finding().node(), summary, evidence);
    }

    @Override
    public void close() {
        feed.unsubscribeSamples(subscriber);
    }
}
