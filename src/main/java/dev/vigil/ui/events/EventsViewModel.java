package dev.vigil.ui.events;

import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.journal.JournalReader;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The journal as the Events view shows it: the recent past read from the file at start, then every new entry
 * live; newest first, filtered by text and kind. Bounded, so a long session cannot grow it without limit.
 */
public final class EventsViewModel implements AutoCloseable {
    static final int KEEP = 5_000;
    public static final List<String> KINDS = List.of("all", "alerts", "actions");
    private final Journal journal;
    private final UiThread ui;
    private final List<JournalEntry> all = new ArrayList<>();
    private final java.util.Set<JournalEntry> known = new java.util.HashSet<>();
    private final ObservableList<JournalEntry> rows = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty kind = new SimpleStringProperty("all");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final Consumer<JournalEntry> listener;
    private final java.util.concurrent.ConcurrentLinkedQueue<JournalEntry> incoming = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled = new java.util.concurrent.atomic.AtomicBoolean();

    public EventsViewModel(Journal journal, UiThread ui, TaskExecutor tasks) {
        this.journal = journal;
        this.ui = ui;
        // A burst of entries (an alert storm, a workflow's steps) reaches the FX thread as one batch, not one each.
        this.listener = entry -> {
            incoming.add(entry);
            if (drainScheduled.compareAndSet(false, true)) {
                ui.run(this::drain);
            }
        };
        text.addListener((o, a, b) -> applyFilter());
        kind.addListener((o, a, b) -> applyFilter());
        journal.subscribe(listener);
        tasks.submit(() -> JournalReader.tail(journal.file(), KEEP), tail -> {
            add(tail.entries());
            if (tail.skippedLines() > 0) {
                summary.set(summary.get() + " · " + tail.skippedLines() + " unreadable line(s) in " + journal.file() + " skipped");
            }
        }, error -> summary.set("Cannot read " + journal.file() + ": " + error.getMessage()));
    }

    private void drain() {
        drainScheduled.set(false);
        List<JournalEntry> batch = new ArrayList<>();
        for (JournalEntry e = incoming.poll(); e != null; e = incoming.poll()) {
            batch.add(e);
        }
        add(batch);
    }

    private void add(List<JournalEntry> entries) {
        boolean inOrder = true;
        for (JournalEntry e : entries) {
            if (known.add(e)) {
                inOrder &= all.isEmpty() || !e.at().isBefore(all.get(all.size() - 1).at());
                all.add(e);
            }
        }
        if (!inOrder) {
            all.sort(Comparator.comparing(JournalEntry::at));
        }
        if (all.size() > KEEP) {
            List<JournalEntry> dropped = all.subList(0, all.size() - KEEP);
            known.removeAll(dropped);
            dropped.clear();
        }
        applyFilter();
    }

    private void applyFilter() {
        String wanted = text.get().strip().toLowerCase(Locale.ROOT);
        List<JournalEntry> shown = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            JournalEntry e = all.get(i);
            boolean kindOk = switch (kind.get()) {
                case "alerts" -> e.kind().startsWith("alert.");
                case "actions" -> !e.kind().startsWith("alert.");
                default -> true;
            };
            if (kindOk && (wanted.isEmpty() || matches(e, wanted))) {
                shown.add(e);
            }
        }
        rows.setAll(shown);
        summary.set(shown.size() + " of " + all.size() + " events · journal " + journal.file());
    }

    private static boolean matches(JournalEntry e, String wanted) {
        return (e.kind() + " " + e.cluster() + " " + e.node() + " " + e.summary() + " " + e.evidence())
                .toLowerCase(Locale.ROOT).contains(wanted);
    }

    public ObservableList<JournalEntry> rows() {
        return rows;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    @Override
    public void close() {
        journal.unsubscribe(listener);
    }
}
