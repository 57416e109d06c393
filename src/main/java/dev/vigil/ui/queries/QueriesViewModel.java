package dev.vigil.ui.queries;

import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.history.Series;
import dev.vigil.monitor.statements.StatementDeltas;
import dev.vigil.monitor.statements.StatementRate;
import dev.vigil.monitor.statements.StatementsSnapshot;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.UiThread;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The top statements of the shown node: per-interval rates between the last two pg_stat_statements reads, each
 * query's recent trend (total time per second over the last {@value #TREND} reads), filterable by text. Rates
 * are recomputed only when a new read arrives, not every tick, and off the FX thread: a read holds up to
 * pg_stat_statements.max entries (5,000 by default), and their deltas, trends and rows cost several milliseconds
 * that would otherwise land on one tick of whatever view is on screen. The work runs in order on one worker thread
 * (given by {@link ConsoleViews}, which closes it with the window), which alone touches the trends; finished rows
 * come back as an immutable list.
 */
public final class QueriesViewModel {
    static final int TREND = 120;
    private final ObservableList<QueryRow> rows = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Executor worker;
    private final UiThread ui;
    /** Owned by the worker: the node whose trends these are, and the trends. */
    private final Trends trends = new Trends();
    private String node = "";
    private StatementsSnapshot previous;
    private StatementsSnapshot current;
    /** Bumped when the node changes or the statements go away: results of older work are dropped. */
    private long generation;
    private List<QueryRow> all = List.of();
    private final javafx.beans.property.BooleanProperty includeSelf = new javafx.beans.property.SimpleBooleanProperty(false);

    /** Recomputes on the calling thread: for tests and tools. */
    public QueriesViewModel() {
        this(Runnable::run, UiThread.immediate());
    }

    public QueriesViewModel(Executor worker, UiThread ui) {
        this.worker = worker;
        this.ui = ui;
        filter.addListener((o, a, b) -> applyFilter());
        includeSelf.addListener((o, a, b) -> {
            if (current != null) {
                recompute();
            }
        });
    }

    /** Whether Vigil's own statements (a dedicated monitoring role's) are shown (off by default). */
    public javafx.beans.property.BooleanProperty includeSelfProperty() {
        return includeSelf;
    }

    public void update(NodeSample sample) {
        if (!sample.node().equals(node)) {
            node = sample.node();
            previous = null;
            current = null;
            generation++;
            all = List.of();
        }
        Optional<StatementsSnapshot> found = sample.upValue(StatementsSnapshot.class);
        if (found.isEmpty()) {
            generation++;
            all = List.of();
            summary.set(node + ": " + (sample.status().isUp() ? "statements " + Format.metricProblem(sample, "statements")
                    : dev.vigil.cluster.ConnectionFailure.notUp(sample.status().error())));
            applyFilter();
            return;
        }
        StatementsSnapshot read = found.get();
        if (current == null || !read.at().equals(current.at())) {
            previous = current;
            current = read;
            recompute();
        }
    }

    private void recompute() {
        if (previous == null) {
            summary.set(node + ": first pg_stat_statements read at " + Format.clock(current.at())
                    + "; rates appear after the next read.");
            all = List.of();
            applyFilter();
            return;
        }
        long asked = generation;
        String forNode = node;
        StatementsSnapshot before = previous.visible(includeSelf.get());
        StatementsSnapshot now = current.visible(includeSelf.get());
        worker.execute(() -> {
            Computed done = trends.compute(forNode, before, now);
            ui.run(() -> {
                if (asked == generation) {
                    all = done.rows();
                    summary.set(done.summary());
                    applyFilter();
                }
            });
        });
    }

    private record Computed(List<QueryRow> rows, String summary) {}

    /** The worker's state: each query's trend, for one node at a time. */
    private static final class Trends {
        private final Map<Long, Series> byQuery = new HashMap<>();
        private String node = "";

        Computed compute(String forNode, StatementsSnapshot previous, StatementsSnapshot current) {
            if (!forNode.equals(node)) {
                node = forNode;
                byQuery.clear();
            }
            List<StatementRate> rates = StatementDeltas.between(previous, current);
            Map<Long, StatementRate> byId = new HashMap<>();
            rates.forEach(r -> byId.put(r.queryId(), r));
            java.util.Set<Long> present = new java.util.HashSet<>();
            current.entries().keySet().forEach(k -> present.add(k.queryId()));
            byQuery.keySet().retainAll(present); // evicted or reset entries take their trend with them
            for (StatementRate r : rates) {
                byQuery.computeIfAbsent(r.queryId(), id -> new Series(TREND)).add(current.at().toEpochMilli(),
                        r.totalMillisPerSecond());
            }
            // A query with a trend that made no calls this interval is a zero, not a gap.
            byQuery.forEach((id, series) -> {
                if (!byId.containsKey(id)) {
                    series.add(current.at().toEpochMilli(), 0);
                }
            });
            List<QueryRow> built = new ArrayList<>(rates.size());
            for (StatementRate r : StatementDeltas.top(rates, StatementDeltas.Order.TOTAL_TIME, rates.size())) {
                built.add(new QueryRow(r, current.text(r.queryId()).orElse("(query text not read yet: id "
                        + r.queryId() + ")"), byQuery.get(r.queryId())));
            }
            Duration interval = Duration.between(previous.at(), current.at());
            String summary = String.format(Locale.ROOT, "%s · %d queries ran in the %d s up to %s · %d entries in "
                            + "pg_stat_statements%s", forNode, rates.size(), interval.toSeconds(),
                    Format.clock(current.at()), current.entries().size(), current.evicted().filter(e -> e > 0)
                            .map(e -> " · " + e + " evicted since reset").orElse(""));
            return new Computed(List.copyOf(built), summary);
        }
    }

    private void applyFilter() {
        String wanted = filter.get().strip().toLowerCase(Locale.ROOT);
        rows.setAll(wanted.isEmpty() ? all : all.stream()
                .filter(r -> r.text().toLowerCase(Locale.ROOT).contains(wanted) || Long.toString(r.queryId()).equals(wanted))
                .toList());
    }

    public Optional<QueryRow> row(long queryId) {
        return all.stream().filter(r -> r.queryId() == queryId).findFirst();
    }

    /** The node whose statements are shown; empty before the first sample. */
    public String node() {
        return node;
    }

    public Optional<Instant> lastRead() {
        return Optional.ofNullable(current).map(StatementsSnapshot::at);
    }

    public ObservableList<QueryRow> rows() {
        return rows;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
