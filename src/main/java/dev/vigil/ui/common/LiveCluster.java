package dev.vigil.ui.common;

import dev.vigil.alert.AlertThresholds;
import dev.vigil.alert.ClusterAlerts;
import dev.vigil.alert.DefaultRules;
import dev.vigil.journal.Journal;
import dev.vigil.monitor.SampleFeed;
import dev.vigil.monitor.history.ClusterHistory;
import java.util.Map;

/** One watched cluster with what the window keeps of it: its last hour of history and its alerts. */
public final class LiveCluster implements AutoCloseable {
    private final SampleFeed feed;
    private final ClusterHistory history;
    private final ClusterAlerts alerts;
    private final AlertThresholds thresholds;

    public LiveCluster(SampleFeed feed, Map<String, Double> alertOverrides, Journal journal) {
        this.feed = feed;
        this.history = new ClusterHistory(feed, ClusterHistory.DEFAULT_SPAN);
        this.thresholds = AlertThresholds.defaults().with(alertOverrides);
        this.alerts = new ClusterAlerts(feed, DefaultRules.all(thresholds), journal);
        history.start();
        alerts.start();
    }

    public SampleFeed feed() {
        return feed;
    }

    ClusterHistory history() {
        return history;
    }

    AlertThresholds thresholds() {
        return thresholds;
    }

    public ClusterAlerts alerts() {
        return alerts;
    }

    @Override
    public void close() {
        alerts.close();
        history.close();
    }
}
