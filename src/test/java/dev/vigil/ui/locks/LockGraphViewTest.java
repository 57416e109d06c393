package dev.vigil.ui.locks;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.locks.LockGraphFixtures;
import dev.vigil.locks.LockGraphLayout.Box;
import dev.vigil.locks.LockGraphLayout.Lane;
import dev.vigil.locks.LockGraphLayout;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.ui.common.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lock graph on hand-built snapshots, headless: what it draws, what a click selects, what a tick costs. */
@ExtendWith(ApplicationExtension.class)
class LockGraphViewTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private LockGraphView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        view = new LockGraphView();
        StackPane root = new StackPane(view);
        root.getStyleClass().add("main-view");
        scene = new Scene(root, 1200, 720);
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, LockSnapshot snapshot) {
        WaitForGraph graph = WaitForGraph.of(snapshot);
        robot.interact(() -> view.show(graph));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void chainShowsFourBoxesWithTheRootMarkedInBothThemes(FxRobot robot) throws Exception {
        show(robot, LockGraphFixtures.chain(NOW));

        LockGraphLayout layout = view.currentLayout();
        assertThat(layout.boxes()).hasSize(4);
        Box root = layout.box(101).orElseThrow();
        assertThat(root.root()).isTrue();
        assertThat(root.layer()).isZero();
        assertThat(layout.boxes().values()).filteredOn(Box::root).hasSize(1);
        assertThat(layout.box(104).orElseThrow().y()).isGreaterThan(layout.box(103).orElseThrow().bottom());
        assertThat(robot.lookup(".lock-graph-empty").queryLabeled().isVisible()).isFalse();
        // The root's thick red border is really painted: the pixel just inside its left edge is red.
        Color border = pixel(robot, root.x() + 1.5, root.centerY());
        assertThat(border.getRed()).isGreaterThan(border.getGreen() + 0.3).isGreaterThan(border.getBlue() + 0.3);
        Path dark = Snapshots.save(scene, "lock-graph-chain-dark");

        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            view.setDark(false);
        });
        Color background = pixel(robot, 4, 4);
        assertThat(background.getBrightness()).isGreaterThan(0.95);
        border = pixel(robot, root.x() + 1.5, root.centerY());
        assertThat(border.getRed()).isGreaterThan(border.getGreen() + 0.3);
        Path light = Snapshots.save(scene, "lock-graph-chain-light");
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            view.setDark(true);
        });
        assertThat(Files.size(dark)).isGreaterThan(10_000);
        assertThat(Files.size(light)).isGreaterThan(10_000);
    }

    @Test
    void clickingABoxSelectsItsSessionAndClickingBesideClearsIt(FxRobot robot) throws Exception {
        show(robot, LockGraphFixtures.chain(NOW));
        Box c = view.currentLayout().box(103).orElseThrow();

        robot.clickOn(onScreen(robot, c.centerX(), c.centerY()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Integer.valueOf(103).equals(view.getSelectedPid()));
        Snapshots.save(scene, "lock-graph-selected");

        Box a = view.currentLayout().box(101).orElseThrow();
        robot.clickOn(onScreen(robot, a.centerX(), a.centerY()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Integer.valueOf(101).equals(view.getSelectedPid()));

        robot.clickOn(onScreen(robot, a.x() - 30, a.y() - 30));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.getSelectedPid() == null);
    }

    @Test
    void selectionFollowsTheSessionAcrossTicksAndClearsWhenItLeaves(FxRobot robot) {
        show(robot, LockGraphFixtures.chain(NOW));
        robot.interact(() -> view.select(104));
        assertThat(view.getSelectedPid()).isEqualTo(104);
        show(robot, LockGraphFixtures.chain(NOW.plusSeconds(2)));
        assertThat(view.getSelectedPid()).isEqualTo(104);
        show(robot, new LockSnapshot(NOW, LockGraphFixtures.chain(NOW).sessions().subList(0, 3)));
        assertThat(view.getSelectedPid()).isNull();
    }

    @Test
    void cyclesAreDrawnInAMarkedFrame(FxRobot robot) throws Exception {
        show(robot, LockGraphFixtures.cycles(NOW));
        LockGraphLayout layout = view.currentLayout();
        assertThat(layout.lanes()).filteredOn(Lane::cycle).hasSize(2);
        assertThat(layout.boxes().values()).filteredOn(Box::inCycle).hasSize(5);
        Box member = layout.box(201).orElseThrow();
        Color border = pixel(robot, member.x() + 1, member.centerY());
        assertThat(border.getBlue()).isGreaterThan(border.getGreen() + 0.2); // Primer's purple
        Snapshots.save(scene, "lock-graph-cycles-dark");
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            view.setDark(false);
        });
        Snapshots.save(scene, "lock-graph-cycles-light");
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            view.setDark(true);
        });
    }

    @Test
    void nobodyWaitingShowsTheEmptyState(FxRobot robot) throws Exception {
        show(robot, LockGraphFixtures.chain(NOW));
        show(robot, new LockSnapshot(NOW, List.of()));
        assertThat(view.currentLayout().isEmpty()).isTrue();
        var empty = robot.lookup(".lock-graph-empty").queryLabeled();
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).isEqualTo("No session is waiting on a lock");
        Snapshots.save(scene, "lock-graph-empty");
    }

    @Test
    void threeHundredSessionsRenderAndATickIsCheap(FxRobot robot) throws Exception {
        List<WaitForGraph> ticks = new ArrayList<>();
        for (int seed = 0; seed < 80; seed++) {
            ticks.add(WaitForGraph.of(LockGraphFixtures.threeHundredSessions(NOW.plusSeconds(seed), seed)));
        }
        robot.interact(() -> view.show(ticks.get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.currentLayout().boxes()).hasSize(300);
        Box biggestRoot = view.currentLayout().boxes().values().stream().filter(Box::root)
                .min((p, q) -> Integer.compare(p.lane(), q.lane())).orElseThrow();
        assertThat(biggestRoot.lane()).isZero();
        Snapshots.save(scene, "lock-graph-300");

        double[][] actualSize = timeTicks(ticks);
        robot.interact(view::zoomToFit);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.zoomProperty().get()).isLessThan(1);
        Snapshots.save(scene, "lock-graph-300-fit");
        double[][] fitted = timeTicks(ticks);
        System.out.printf("LockGraphView: FX-thread ms per 300-session tick (show + layout pass + paint), median (p90) "
                        + "of 50 ticks: at 100%% cold %.2f (%.2f), warm %.2f (%.2f); zoomed to fit all, warm %.2f (%.2f)%n",
                actualSize[0][25], actualSize[0][45], actualSize[1][25], actualSize[1][45], fitted[1][25],
                fitted[1][45]);
        robot.interact(() -> view.zoomProperty().set(1));
    }

    /**
     * Times ticks on the FX thread: the first 50 (cold, as just after start) and 50 after 400 more (warm, as after
     * a few minutes of a running window, once the JIT has compiled the layout). Sorted milliseconds.
     */
    private double[][] timeTicks(List<WaitForGraph> ticks) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            double[] cold = new double[50];
            double[] warm = new double[50];
            for (int i = 0; i < 500; i++) {
                long start = System.nanoTime();
                view.show(ticks.get(i % ticks.size()));
                view.layout();
                double ms = (System.nanoTime() - start) / 1e6;
                if (i < 50) {
                    cold[i] = ms;
                } else if (i >= 450) {
                    warm[i - 450] = ms;
                }
            }
            Arrays.sort(cold);
            Arrays.sort(warm);
            return new double[][] {cold, warm};
        }).get(120, TimeUnit.SECONDS);
    }

    private Point2D onScreen(FxRobot robot, double x, double y) {
        Point2D[] point = new Point2D[1];
        robot.interact(() -> point[0] = view.screenPointOf(x, y));
        return point[0];
    }

    private Color pixel(FxRobot robot, double layoutX, double layoutY) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        Point2D[] point = new Point2D[1];
        robot.interact(() -> point[0] = view.scenePointOf(layoutX, layoutY));
        return image.getPixelReader().getColor((int) Math.round(point[0].getX()), (int) Math.round(point[0].getY()));
    }
}
