package dev.vigil.ui.migrations;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import dev.vigil.migrate.ApplyMigrationsWorkflow;
import dev.vigil.migrate.MigrationReading;
import dev.vigil.migrate.MigrationRollbackWorkflow;
import dev.vigil.migrate.MigrationSettings;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.source.FlywayFolder;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.workflow.StepFailures;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ui.common.Format;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Migrations view's state for the selected cluster: where its scripts are (configured, or chosen for this
 * session), the versions as source and history say they stand, the folder's problems, and what can be done now.
 * Reading the folder and the history is I/O, done off the FX thread: when the view opens or the cluster changes,
 * on Refresh, when a folder is chosen, and when a migration workflow of this window ends (from the journal) —
 * never on a tick. A tick only updates the primary and whether the cluster is busy, which decide the offers.
 */
public final class MigrationsViewModel implements AutoCloseable {

    /** Reads source and history for a target; {@link MigrationTarget#read()} in the window. */
    public interface Reader {
        MigrationReading read(MigrationTarget target) throws Exception;
    }

    private final TaskExecutor tasks;
    private final Journal journal;
    private final Reader reader;
    private final MigrationSettings settings;
    private final Function<String, Optional<String>> busy;
    private final Consumer<JournalEntry> journalListener;
    private final Map<String, Path> chosenFolders = new HashMap<>();

    private final ReadOnlyObjectWrapper<Optional<Path>> folder = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper folderOrigin = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MigrationOffers> offers =
            new ReadOnlyObjectWrapper<>(MigrationOffers.none("the history is not read yet"));
    private final ObservableList<MigrationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    private ClusterDefinition cluster;
    private Optional<String> primary = Optional.empty();
    private Optional<String> inFlight = Optional.empty();
    private Optional<MigrationReading> reading = Optional.empty();
    private String unread = "the history is not read yet";
    private Instant readAt;
    private String readFrom = "";
    private boolean stale = true;
    private boolean readInFlight = false;
    private boolean readAgain = false;

    public MigrationsViewModel(TaskExecutor tasks, UiThread ui, Journal journal, Reader reader, MigrationSettings settings,
                        Function<String, Optional<String>> busy) {
        this.tasks = tasks;
        this.journal = journal;
        this.reader = reader;
        this.settings = settings;
        this.busy = busy;
        this.journalListener = entry -> {
            if (endsMigrationWorkflow(entry)) {
                ui.run(() -> afterWorkflow(entry.cluster()));
            }
        };
        if (journal != null) {
            journal.subscribe(journalListener);
        }
    }

    /** A workflow's last journal line whose workflow changes or stops a migration ("migration.apply", …). */
    static boolean endsMigrationWorkflow(JournalEntry entry) {
        return entry.kind().equals("action.outcome")
                && entry.evidence().getOrDefault("workflow", "").startsWith("migration.");
    }

    private void afterWorkflow(String clusterName) {
        if (cluster != null && cluster.name().equals(clusterName)) {
            reload();
        }
    }

    /**
     * The selected cluster as the view shows it, on every refresh: reads when the cluster changed, when the view
     * was opened since, or when a primary answers again after a read that had none. Otherwise only the offers
     * follow the primary and the busy state.
     */
    void show(ClusterDefinition definition, Optional<String> primaryNow) {
        show(definition, primaryNow, Optional.empty());
    }

    /** The same, with the migration in flight on the primary now ("pid 812 (flyway)"), which holds off both actions. */
    void show(ClusterDefinition definition, Optional<String> primaryNow, Optional<String> inFlightNow) {
        boolean otherCluster = cluster == null || !cluster.name().equals(definition.name());
        boolean primaryBack = primary.isEmpty() && primaryNow.isPresent() && reading.isEmpty();
        cluster = definition;
        primary = primaryNow;
        inFlight = inFlightNow;
        if (otherCluster) {
            reading = Optional.empty();
            rows.clear();
            problems.clear();
            summary.set("");
            error.set("");
            stale = true;
        }
        folder.set(folderOf(definition));
        folderOrigin.set(chosenFolders.containsKey(definition.name()) ? "chosen for this session"
                : folder.get().isPresent() ? "from the cluster's settings" : "");
        if (stale || primaryBack) {
            reload();
        } else {
            updateOffers();
        }
    }

    /** The view came on screen: read again at the next {@link #show}. */
    void opened() {
        stale = true;
    }

    /** Uses {@code chosen} for this cluster until the window closes, and reads it. */
    void chooseFolder(Path chosen) {
        if (cluster == null) {
            return;
        }
        chosenFolders.put(cluster.name(), chosen);
        folder.set(Optional.of(chosen));
        folderOrigin.set("chosen for this session");
        reload();
    }

    private Optional<Path> folderOf(ClusterDefinition definition) {
        return Optional.ofNullable(chosenFolders.get(definition.name())).or(definition::migrations);
    }

    /** Reads folder and history again, off the FX thread; a request during a read reads again after it. */
    void reload() {
        stale = false;
        if (cluster == null) {
            return;
        }
        Optional<Path> where = folder.get();
        if (where.isEmpty()) {
            reading = Optional.empty();
            rows.clear();
            problems.clear();
            error.set("");
            unread = "no migrations folder is set for " + cluster.name();
            summary.set("");
            updateOffers();
            return;
        }
        if (primary.isEmpty()) {
            reading = Optional.empty();
            unread = "no primary is reachable, and the history is read from the primary";
            error.set("No primary is reachable: the history is read from the primary. It is read again when one answers.");
            updateOffers();
            return;
        }
        if (readInFlight) {
            readAgain = true;
            return;
        }
        readInFlight = true;
        loading.set(true);
        ClusterDefinition asked = cluster;
        MigrationTarget target = target(asked, where.get(), primary.get());
        tasks.submit(() -> reader.read(target), read -> {
            finishRead();
            if (isCurrent(asked, where)) {
                accept(read, target.node().name());
            }
        }, failure -> {
            finishRead();
            if (isCurrent(asked, where)) {
                reading = Optional.empty();
                rows.clear();
                problems.clear();
                unread = "the history could not be read";
                error.set("Could not read the migrations of " + asked.name() + " on " + target.node().name() + ": "
                        + StepFailures.describe(failure));
                summary.set("");
                updateOffers();
            }
        });
    }

    private void finishRead() {
        readInFlight = false;
        loading.set(false);
        if (readAgain) {
            readAgain = false;
            reload();
        }
    }

    private boolean isCurrent(ClusterDefinition asked, Optional<Path> where) {
        return cluster != null && cluster.name().equals(asked.name()) && Objects.equals(folder.get(), where);
    }

    private void accept(MigrationReading read, String node) {
        reading = Optional.of(read);
        readAt = Instant.now();
        readFrom = node;
        rows.setAll(MigrationRow.of(read));
        problems.setAll(read.source().problems());
        error.set("");
        summary.set(summaryOf(read));
        updateOffers();
    }

    private String summaryOf(MigrationReading read) {
        int pending = read.status().pending().size();
        int failed = read.status().failed().size();
        return "Schema version " + read.status().currentText()
                + " · " + (pending == 0 ? "nothing pending" : pending + " pending")
                + (failed == 0 ? "" : " · " + failed + " FAILED")
                + (read.historyExists() ? "" : " · no history table yet")
                + " · read from " + readFrom + " at " + Format.clock(readAt);
    }

    private void updateOffers() {
        Optional<String> holder = cluster == null ? Optional.empty() : busy.apply(cluster.name());
        offers.set(MigrationOffers.of(reading, unread, primary, holder, inFlight));
    }

    private MigrationTarget target(ClusterDefinition definition, Path where, String node) {
        return MigrationTarget.of(definition, node, new FlywayFolder(where), settings);
    }

    /** The guarded rollback to {@code to}, on the primary, with the scripts of the shown folder. */
    Workflow rollback(MigrationVersion to) {
        return new MigrationRollbackWorkflow(currentTarget(), to);
    }

    /** The guarded apply of the pending versions up to {@code upTo}. */
    Workflow apply(MigrationVersion upTo, boolean allowMissingUndo) {
        return new ApplyMigrationsWorkflow(currentTarget(), Optional.of(upTo), allowMissingUndo);
    }

    private MigrationTarget currentTarget() {
        if (cluster == null || folder.get().isEmpty() || primary.isEmpty()) {
            throw new IllegalStateException("no cluster, folder or primary to migrate");
        }
        return target(cluster, folder.get().get(), primary.get());
    }

    /** The cluster shown, or null before the first {@link #show}. */
    String clusterName() {
        return cluster == null ? null : cluster.name();
    }

    ReadOnlyObjectProperty<Optional<Path>> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** "from the cluster's settings", "chosen for this session", or empty with no folder. */
    ReadOnlyStringProperty folderOriginProperty() {
        return folderOrigin.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the history is not shown (unreadable, no primary), or empty. */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<MigrationOffers> offersProperty() {
        return offers.getReadOnlyProperty();
    }

    ObservableList<MigrationRow> rows() {
        return rows;
    }

    /** What in the folder could not be read as a migration, in words. */
    ObservableList<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.unsubscribe(journalListener);
        }
    }
}
