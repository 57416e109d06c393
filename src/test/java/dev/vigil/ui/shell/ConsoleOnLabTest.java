package dev.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.ReplicationTopology;
import dev.vigil.ui.common.SessionRow;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.locks.LockGraphView;
import dev.vigil.ui.queries.QueryRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every console view, through the real window (headless), on the real demo lab: each opens with its shortcut and
 * shows real data, and a PNG of each is saved under target/snapshots for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
public class ConsoleOnLabTest {
    private LabWindowFixture window;
    private final List<Connection> sessions = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindowFixture.open(stage, "console-on-lab", new WindowState(0, 0, 1440, 900, false, 0.2,
                ConsoleView.OVERVIEW, true, java.time.Duration.ofMinutes(5)));
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            window.close(); // stops the lab first: its fast shutdown ends sessions stuck in a lock wait
        }
        for (Connection c : sessions) {
            c.close();
        }
    }

    @Test
    void everyViewOpensWithItsShortcutAndShowsTheDemoLabLive(FxRobot robot) throws Exception {
        waitFor(90, () -> window.vm.phaseProperty().get() == MainViewModel.Phase.RUNNING
                && window.vm.selectedCluster() != null
                && window.vm.selectedCluster().status().reachableCount() == 3);
        LabCluster lab = window.source.demoLab().cluster();

        open(robot, ConsoleView.SESSIONS);
        TableView<SessionRow> sessionsTable = robot.lookup("#sessions-table").queryAs(TableView.class);
        waitFor(30, () -> fx(() -> sessionsTable.getItems().stream()
                .anyMatch(r -> r.activity().application().equals("vigil-workload"))));
        Snapshots.save(window.scene, "view-sessions");

        Connection sleeper = openSession(lab.primary(), sessions);
        execute(sleeper, "SET application_name = 'drill-sleep'");
        int sleeperPid = pid(sleeper);
        CompletableFuture<Void> sleeping = runAsync(sleeper, "SELECT pg_sleep(300)");
        javafx.scene.control.TextField applicationFilter = robot.lookup(".text-field").match(n -> "application".equals(
                ((javafx.scene.control.TextField) n).getPromptText())).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> applicationFilter.setText("drill-sleep"));
        try {
            waitFor(20, () -> fx(() -> sessionsTable.getItems().size() == 1
                    && sessionsTable.getItems().get(0).pid() == sleeperPid && sessionsTable.getItems().get(0).activity().isActive()));
        } catch (AssertionError e) {
            Snapshots.save(window.scene, "failed-sessions-filter");
            throw new AssertionError(e.getMessage() + "; rows: " + fx(() -> sessionsTable.getItems().stream()
                    .map(r -> r.pid() + "/" + r.activity().application() + "/" + r.activity().state()).toList()), e);
        }
        robot.interact(() -> sessionsTable.getSelectionModel().select(0));
        robot.clickOn("#cancel-sessions");
        answerDialog(robot, false, "dialog-cancel-query");
        assertThat(sleeping).as("cancelling the dialog leaves the session alive").isNotDone();
        robot.clickOn("#cancel-sessions");
        answerDialog(robot, true, null);
        assertThat(sleeping).failsWithin(java.time.Duration.ofSeconds(20));
        Snapshots.save(window.scene, "view-sessions-after-cancel");

        open(robot, ConsoleView.REPLICATION);
        waitFor(30, () -> linkHealth(robot, "pg2") == ReplicationTopology.Health.OK
                && linkHealth(robot, "pg3") == ReplicationTopology.Health.OK);
        Snapshots.save(window.scene, "view-replication");
        LabNode pg2 = lab.node("pg2");
        pg2.pauseReplay();
        try {
            waitFor(30, () -> linkHealth(robot, "pg2") == ReplicationTopology.Health.WARNING);
            assertThat(fx(() -> robot.lookup("#replication-problems").queryAs(Node.class).isVisible())).isTrue();
            Snapshots.save(window.scene, "view-replication-paused");
        } finally {
            pg2.resumeReplay();
        }
        waitFor(30, () -> linkHealth(robot, "pg2") == ReplicationTopology.Health.OK);

        open(robot, ConsoleView.QUERIES);
        TableView<QueryRow> queries = robot.lookup("#queries-table").queryAs(TableView.class);
        waitFor(90, () -> fx(() -> queries.getItems().stream().anyMatch(r -> r.text().contains("JOIN shop.order_items"))));
        robot.interact(() -> queries.getItems().stream().filter(r -> r.text().contains("JOIN shop.order_items"))
                .findFirst().ifPresent(r -> queries.getSelectionModel().select(r)));
        waitFor(5, () -> fx(() -> robot.lookup("#explain-query").queryAs(javafx.scene.control.TextArea.class)
                .getText().contains("JOIN shop.order_items")));
        robot.clickOn("#explain-button");
        javafx.scene.control.TreeTableView<?> plan = robot.lookup("#plan-tree").queryAs(javafx.scene.control.TreeTableView.class);
        waitFor(30, () -> fx(() -> plan.getRoot() != null && plan.getExpandedItemCount() > 1));
        Snapshots.save(window.scene, "view-queries");

        open(robot, ConsoleView.LOCKS);
        LockGraphView graph = robot.lookup("#lock-graph").queryAs(LockGraphView.class);
        int[] chain = lockChain(lab.primary());
        waitFor(20, () -> fx(() -> graph.currentLayout().boxes().size() == 4));
        assertThat(fx(() -> graph.currentLayout().box(chain[0]).map(b -> b.root()).orElse(false))).as("A is the root").isTrue();
        assertThat(fx(() -> graph.currentLayout().boxes().values().stream().filter(b -> b.root()).count())).isEqualTo(1);
        waitFor(10, () -> fx(() -> robot.lookup("#held-locks").queryAs(Label.class).getText()
                .contains("RowExclusiveLock on drill_rows")));
        // The root blocker's tree says who it is before anyone ends it: application, user, state, transaction age.
        assertThat(fx(() -> robot.lookup("#blocking-trees").queryAll().stream().findFirst().map(n -> n.lookupAll(".label")
                .stream().map(l -> ((Label) l).getText()).toList()).orElse(List.of())))
                .anySatisfy(t -> assertThat(t).contains("idle in transaction").contains("xact "));
        Snapshots.save(window.scene, "view-locks");
        robot.clickOn("#terminate-root");
        answerDialog(robot, true, "dialog-terminate-root");
        waitFor(20, () -> fx(() -> graph.currentLayout().boxes().isEmpty()));
        Snapshots.save(window.scene, "view-locks-drained");

        open(robot, ConsoleView.EVENTS);
        Snapshots.save(window.scene, "view-events");

        open(robot, ConsoleView.OVERVIEW);
        Snapshots.save(window.scene, "view-overview");
        robot.interact(() -> Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        Snapshots.save(window.scene, "view-overview-light");
        open(robot, ConsoleView.REPLICATION);
        Snapshots.save(window.scene, "view-replication-light");
    }

    /** A ← B, C and C ← D on rows of a table of the test's own, so the demo workload never joins in. */
    private int[] lockChain(LabNode primary) throws SQLException {
        try (Connection admin = primary.connect(LabCluster.DATABASE); Statement st = admin.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS public.drill_rows (id int PRIMARY KEY, v text)");
            st.execute("INSERT INTO public.drill_rows VALUES (1, ''), (2, ''), (3, '') ON CONFLICT DO NOTHING");
        }
        Connection a = openSession(primary, sessions);
        Connection b = openSession(primary, sessions);
        Connection c = openSession(primary, sessions);
        Connection d = openSession(primary, sessions);
        for (Connection x : List.of(a, b, c, d)) {
            x.setAutoCommit(false);
        }
        execute(a, "UPDATE public.drill_rows SET v = 'a' WHERE id IN (1, 2)");
        // Each waiter commits as soon as its statement returns, as an application would.
        runAsync(b, "UPDATE public.drill_rows SET v = 'b' WHERE id = 1").thenRun(() -> commit(b));
        execute(c, "UPDATE public.drill_rows SET v = 'c' WHERE id = 3");
        runAsync(c, "UPDATE public.drill_rows SET v = 'c' WHERE id = 2").thenRun(() -> commit(c));
        runAsync(d, "UPDATE public.drill_rows SET v = 'd' WHERE id = 3").thenRun(() -> commit(d));
        return new int[] {pid(a), pid(b), pid(c), pid(d)};
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the workflow dialog to finish its prechecks, then confirms or cancels it. */
    private static void answerDialog(FxRobot robot, boolean confirm, String snapshot) throws Exception {
        waitFor(30, () -> fx(() -> robot.lookup("#wf-confirm").tryQuery().map(b -> !b.isDisabled() && b.isVisible())
                .orElse(false)));
        if (snapshot != null) {
            Snapshots.save(robot.lookup("#wf-confirm").query().getScene(), snapshot);
        }
        if (!confirm) {
            robot.clickOn("#wf-cancel");
            waitFor(10, () -> fx(() -> robot.lookup("#wf-confirm").tryQuery().isEmpty()));
            return;
        }
        robot.clickOn("#wf-confirm");
        waitFor(30, () -> fx(() -> robot.lookup("#wf-outcome").tryQueryAs(Label.class)
                .map(l -> l.getText().equals("Succeeded")).orElse(false)));
        if (snapshot != null) {
            Snapshots.save(robot.lookup("#wf-confirm").query().getScene(), snapshot + "-done");
        }
        robot.clickOn("#wf-cancel");
        waitFor(10, () -> fx(() -> robot.lookup("#wf-confirm").tryQuery().isEmpty()));
    }

    private static int pid(Connection c) throws SQLException {
        return c.unwrap(org.postgresql.PGConnection.class).getBackendPID();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private ReplicationTopology.Health linkHealth(FxRobot robot, String standby) {
        return fx(() -> robot.lookup("#link-" + standby).tryQueryAs(Label.class)
                .map(l -> (ReplicationTopology.Health) l.getUserData()).orElse(null));
    }

    private void open(FxRobot robot, ConsoleView view) {
        robot.press(KeyCode.CONTROL, view.key()).release(view.key(), KeyCode.CONTROL);
        waitFor(5, () -> fx(() -> window.vm.viewProperty().get() == view));
    }

    public static void waitFor(long seconds, Supplier<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(condition.get()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not true within " + seconds + " s", e);
        }
    }

    public static <T> T fx(Supplier<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read::get).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection openSession(LabNode node, List<Connection> sessions) throws SQLException {
        Connection c = node.connect(LabCluster.DATABASE);
        sessions.add(c);
        return c;
    }

    static CompletableFuture<Void> runAsync(Connection c, String sql) {
        return CompletableFuture.runAsync(() -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
