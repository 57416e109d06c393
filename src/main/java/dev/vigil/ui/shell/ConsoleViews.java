package dev.vigil.ui.shell;

import dev.vigil.migrate.MigrationSettings;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.inflight.StopMigrationWorkflow;
import dev.vigil.ops.session.SessionSignalWorkflow;
import dev.vigil.ops.session.SessionTarget;
import dev.vigil.ops.workflow.RunningWorkflow;
import dev.vigil.ui.common.LiveView;
import dev.vigil.ui.common.MigrationActions;
import dev.vigil.ui.common.SessionActions;
import dev.vigil.ui.events.EventsView;
import dev.vigil.ui.events.EventsViewModel;
import dev.vigil.ui.health.HealthView;
import dev.vigil.ui.locks.LockHistoryChart;
import dev.vigil.ui.locks.LocksView;
import dev.vigil.ui.migrations.MigrationsView;
import dev.vigil.ui.migrations.MigrationsViewModel;
import dev.vigil.ui.overview.OverviewChartsPane;
import dev.vigil.ui.overview.OverviewView;
import dev.vigil.ui.queries.QueriesView;
import dev.vigil.ui.queries.QueriesViewModel;
import dev.vigil.ui.queries.QueryDetailPane;
import dev.vigil.ui.replication.ReplicationLagCharts;
import dev.vigil.ui.replication.ReplicationView;
import dev.vigil.ui.sessions.SessionsView;
import dev.vigil.ui.workflow.WorkflowDialog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.scene.control.Alert;

/** Builds the console's views for a main view-model: the one place that wires views to their parts. */
final class ConsoleViews {
    private ConsoleViews() {}

    static List<LiveView> create(MainViewModel vm) {
        Supplier<Duration> range = () -> vm.chartRangeProperty().get();
        EventsViewModel events = new EventsViewModel(vm.journal(), vm.ui(), vm.tasks());
        vm.onClose(events::close);
        SessionActions actions = (owner, cluster, node, sessions, terminate) -> {
            List<SessionTarget> targets;
            try {
                targets = sessions.stream().map(r -> SessionTarget.of(r.activity())).toList();
            } catch (IllegalArgumentException unsafe) {
                // Without a backend start time a reused pid could be signalled by mistake: refuse, and say why.
                Alert refusal = new Alert(Alert.AlertType.ERROR, unsafe.getMessage() + ".\n\nVigil needs each session's"
                        + " start time to act safely. On " + cluster.name() + "/" + node + ", grant it to the monitoring"
                        + " role: GRANT pg_read_all_stats TO <monitoring role>;");
                refusal.setHeaderText("Cannot " + (terminate ? "terminate" : "cancel") + " this session");
                refusal.initOwner(owner);
                refusal.show();
                return;
            }
            WorkflowDialog.open(owner, vm.workflows(), terminate
                    ? SessionSignalWorkflow.terminate(cluster.definition(), node, targets)
                    : SessionSignalWorkflow.cancel(cluster.definition(), node, targets), vm.tasks());
        };
        MigrationActions stops = (owner, cluster, node, pid, terminate) -> WorkflowDialog.open(owner,
                vm.workflows(), terminate ? StopMigrationWorkflow.terminate(cluster.definition(), node, pid)
                        : StopMigrationWorkflow.cancel(cluster.definition(), node, pid), vm.tasks());
        QueriesViewModel queries = new QueriesViewModel(queriesWorker(vm), vm.ui());
        MigrationsViewModel migrations = new MigrationsViewModel(vm.tasks(), vm.ui(), vm.journal(),
                MigrationTarget::read, MigrationSettings.defaults(),
                cluster -> vm.workflows().running(cluster).map(RunningWorkflow::title));
        vm.onClose(migrations::close);
        return List.of(
                new OverviewView(new OverviewChartsPane(range)),
                new QueriesView(queries, new QueryDetailPane(vm.tasks(), range), vm.showVigilProperty()),
                new SessionsView(actions, vm.tasks(), vm.showVigilProperty()),
                new ReplicationView(new ReplicationLagCharts(range), new RoleChanges(vm)::open),
                new LocksView(actions, stops, new LockHistoryChart(range), vm.tasks()),
                new EventsView(events),
                new MigrationsView(migrations, (owner, workflow) -> WorkflowDialog.open(owner, vm.workflows(),
                        workflow, vm.tasks()), stops),
                new HealthView());
    }

    /** The statements' arithmetic runs in order on one thread of its own (QueriesViewModel), ended with the window. */
    static ExecutorService queriesWorker(MainViewModel vm) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-queries");
            t.setDaemon(true);
            return t;
        });
        vm.onClose(worker::shutdownNow);
        return worker;
    }
}
