package dev.vigil.ui.queries;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import dev.vigil.lab.LabNode;
import dev.vigil.lab.LabSettings;
import dev.vigil.ops.explain.ExplainResult;
import dev.vigil.ops.explain.ExplainRunner;
import dev.vigil.ops.explain.PlanNode;
import dev.vigil.ui.common.Snapshots;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import dev.vigil.ui.shell.VigilApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Explain pane, headless, on a real lab primary through the lab superuser's connection. */
@ExtendWith(ApplicationExtension.class)
class ExplainPaneTest {
    private static final String JOIN = """
            SELECT c.country, count(*) AS items, sum(o.total_cents) AS revenue
            FROM shop.customers c
            JOIN shop.orders o ON o.customer_id = c.id
            JOIN shop.order_items i ON i.order_id = o.id
            WHERE o.status = 'paid' AND o.id % 4 = 1 AND c.country = 'DE'
            GROUP BY c.country""";
    private static final String UPDATE = "UPDATE shop.orders SET status = 'explained' WHERE customer_id = 42";

    private static Lab lab;
    private static LabNode node;
    private static Connection connection;
    private static int versionNum;
    private ExplainViewModel vm;
    private TaskExecutor tasks;
    private Scene scene;

    @BeforeAll
    static void startLab() throws SQLException {
        lab = Lab.open(LabSettings.fromEnvironment());
        node = lab.createCluster("explain-ui", 0).primary();
        connection = node.connect(LabCluster.DATABASE);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            versionNum = rs.getInt(1);
        }
    }

    @AfterAll
    static void stopLab() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        tasks = TaskExecutor.background(UiThread.fx());
        vm = new ExplainViewModel(tasks, request -> new ExplainRunner(connection, versionNum).explain(request));
        scene = new Scene(new ExplainPane(vm), 1180, 760);
        scene.getStylesheets().add(VigilApp.class.getResource("/dev/vigil/ui/vigil.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void explainsAJoinThenAnalyzesItWithTheSlowestNodeHighlighted(FxRobot robot) throws Exception {
        robot.interact(() -> vm.queryProperty().set(JOIN));
        assertThat(robot.lookup("#explain-hint").queryLabeled().getText()).isEqualTo("Reads only.");
        robot.clickOn("#explain-button");
        ExplainResult planned = awaitResult();

        assertThat(planned.outcome()).as(planned.message()).isEqualTo(ExplainResult.Outcome.PLANNED);
        TreeTableView<PlanNode> tree = robot.lookup("#plan-tree").queryAs(TreeTableView.class);
        assertThat(onFx(() -> tree.getExpandedItemCount())).isEqualTo(7);
        assertThat(hottestRows(robot)).containsExactly(vm.hottestProperty().get().title());
        assertThat(robot.lookup("#explain-summary").queryLabeled().getText()).startsWith("Estimated plan");
        List<Path> pngs = new ArrayList<>(List.of(Snapshots.save(scene, "explain-plan")));

        robot.clickOn("#explain-analyze-button"); // reads only: no confirmation
        ExplainResult analyzed = awaitResult();
        assertThat(analyzed.outcome()).as(analyzed.message()).isEqualTo(ExplainResult.Outcome.ANALYZED);
        PlanNode hottest = vm.hottestProperty().get();
        assertThat(hottest.exclusiveMs().getAsDouble()).isEqualTo(analyzed.plan().orElseThrow().root().flatten()
                .stream().mapToDouble(n -> n.exclusiveMs().getAsDouble()).max().orElseThrow());
        assertThat(hottestRows(robot)).containsExactly(hottest.title());
        assertThat(robot.lookup("#explain-summary").queryLabeled().getText())
                .startsWith("Analyzed (read-only, rolled back) · execution ");
        assertThat(robot.lookup("#explain-error").query().isVisible()).isFalse();
        // every paid order has id % 4 = 1: the planner, taking the two conditions as independent, expects ~1/200
        PlanNode orders = analyzed.plan().orElseThrow().root().flatten().stream()
                .filter(n -> n.relation().orElse("").equals("orders")).findFirst().orElseThrow();
        assertThat(orders.isMisestimated()).isTrue();
        assertThat(cellTexts(robot)).anySatisfy(text -> assertThat(text).matches("2,500  ▲ \\d+×"));
        pngs.add(Snapshots.save(scene, "explain-analyzed"));

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        pngs.add(Snapshots.save(scene, "explain-analyzed-light"));
        for (Path png : pngs) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    @Test
    void analyzesAConfirmedUpdateAndRollsItBack(FxRobot robot) throws Exception {
        List<String> before = statuses();
        robot.interact(() -> vm.queryProperty().set(UPDATE));
        assertThat(robot.lookup("#explain-hint").queryLabeled().getText()).startsWith("UPDATE writes rows.");

        robot.clickOn("#explain-analyze-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#explain-confirm-run").tryQuery()
                .isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Run a writing statement, then roll it back?");
        Path confirm = Snapshots.save(dialog.getScene(), "explain-confirm");
        robot.clickOn("#explain-confirm-run");
        ExplainResult result = awaitResult();

        assertThat(result.outcome()).as(result.message()).isEqualTo(ExplainResult.Outcome.ANALYZED);
        PlanNode update = result.plan().orElseThrow().root();
        assertThat(update.title()).isEqualTo("Update on orders");
        double updated = update.flatten().stream().filter(n -> n.relation().orElse("").equals("orders"))
                .filter(n -> !n.name().equals("Update")).mapToDouble(n -> n.actual().orElseThrow().rows()).sum();
        assertThat(updated).isEqualTo(before.size());
        assertThat(robot.lookup("#explain-summary").queryLabeled().getText()).startsWith("Analyzed and rolled back");
        assertThat(statuses()).isEqualTo(before).doesNotContain("explained");
        Path analyzed = Snapshots.save(scene, "explain-update-analyzed");

        robot.clickOn("#explain-analyze-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#explain-confirm-run").tryQuery()
                .isPresent());
        robot.clickOn("Cancel");
        assertThat(robot.lookup("#explain-summary").queryLabeled().getText()).contains("not confirmed");
        assertThat(vm.resultProperty().get()).isSameAs(result);
        for (Path png : List.of(confirm, analyzed)) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    @Test
    void showsTheServersErrorWithItsSqlState(FxRobot robot) throws Exception {
        robot.interact(() -> vm.queryProperty().set("SELECT * FROM shop.orders ORDER status"));
        robot.clickOn("#explain-button");
        ExplainResult result = awaitResult();

        assertThat(result.outcome()).isEqualTo(ExplainResult.Outcome.FAILED);
        Label error = robot.lookup("#explain-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("""
                ERROR 42601 at character 33: syntax error at or near "status"
                LINE 1: SELECT * FROM shop.orders ORDER status
                                                        ^""");
        assertThat(robot.lookup("#plan-tree").queryAs(TreeTableView.class).getRoot()).isNull();
        assertThat(Files.size(Snapshots.save(scene, "explain-error"))).isGreaterThan(5_000);
    }

    private ExplainResult awaitResult() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ExplainResult result = vm.resultProperty().get();
        robot().interact(() -> { }); // let the tree lay out before reading its rows
        return result;
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    /** The titles of the rows the view marks as the most expensive. */
    private static List<String> hottestRows(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".tree-table-row-cell").queryAllAs(TreeTableRow.class).stream()
                .filter(row -> row.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("hottest")))
                .map(row -> ((PlanNode) row.getItem()).title()).toList());
    }

    private static List<String> cellTexts(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".tree-table-cell").queryAllAs(javafx.scene.control.TreeTableCell.class)
                .stream().map(c -> c.getText() == null ? "" : c.getText()).toList());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }

    private static List<String> statuses() throws SQLException {
        try (Connection c = node.connect(LabCluster.DATABASE);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT status FROM shop.orders WHERE customer_id = ? ORDER BY id")) {
            ps.setLong(1, 42);
            List<String> statuses = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
            assertThat(statuses).isNotEmpty();
            return statuses;
        }
    }
}
