package dev.vigil.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.inventory.InventoryFile;
import dev.vigil.journal.Journal;
import dev.vigil.lab.LabSettings;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The Vigil window: configured clusters and running labs, or with none, a demo lab of its own. */
public final class VigilApp extends Application {
    static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);
    private MainViewModel vm;
    private Journal journal;
    private final WindowStateStore layoutStore = WindowStateStore.standard();
    private boolean dark = true;

    public static void main(String[] args) {
        launch(VigilApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UiThread ui = UiThread.fx();
        journal = Journal.open(Journal.defaultPath());
        vm = new MainViewModel(ui, TaskExecutor.background(ui),
                new StartupSource(InventoryFile.defaultPath(), LabSettings.fromEnvironment()), journal);
        WindowState layout = layoutStore.load();
        dark = layout.dark();
        applyTheme();
        show(stage, vm, this::toggleTheme, layout).rememberLayoutIn(layoutStore);
        stage.setOnCloseRequest(e -> {
            if (!closeAnyway(stage, vm.workflows().inProgress())) {
                e.consume();
            }
        });
        vm.start("Loading clusters. With none configured, Vigil starts a demo lab: a PostgreSQL primary with two "
                + "streaming standbys and a light shop workload on 127.0.0.1 (the first start unpacks the binaries).");
    }

    /** Builds the scene on {@code stage} with a remembered layout; the tests use this too. */
    public static MainView show(Stage stage, MainViewModel vm, Runnable toggleTheme, WindowState layout) {
        vm.viewProperty().set(layout.view());
        vm.chartRangeProperty().set(layout.chartRange());
        MainView view = new MainView(vm, toggleTheme, ConsoleViews.create(vm));
        Scene scene = new Scene(view, layout.width(), layout.height());
        scene.getStylesheets().addAll(VigilApp.class.getResource("/dev/vigil/ui/badges.css").toExternalForm(),
                VigilApp.class.getResource("/dev/vigil/ui/vigil.css").toExternalForm());
        stage.setTitle("Vigil — PostgreSQL operations console");
        ICON_SIZES.forEach(size -> stage.getIcons().add(
                new Image(VigilApp.class.getResourceAsStream("/dev/vigil/ui/icons/vigil-" + size + ".png"))));
        stage.setScene(scene);
        if (layout.hasPosition() && onSomeScreen(layout)) {
            stage.setX(layout.x());
            stage.setY(layout.y());
        }
        stage.setMaximized(layout.maximized());
        view.split().setDividerPositions(layout.divider());
        stage.show();
        return view;
    }

    /**
     * Closing Vigil ends the process, and with it any workflow between two steps: asked first, "Keep Vigil open"
     * being the default, because a switchover cut short between the stop and the promotion leaves no primary.
     */
    private static boolean closeAnyway(Stage owner, List<String> running) {
        if (running.isEmpty()) {
            return true;
        }
        ButtonType keep = new ButtonType("Keep Vigil open", ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType close = new ButtonType("Close anyway", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.WARNING, "Still running: " + String.join(", ", running) + ".\n\n"
                + "Closing Vigil now stops it wherever it is; a switchover cut short after the old primary stopped "
                + "leaves no primary. Wait until it ends (its dialog shows the steps), then close.", keep, close);
        ask.initOwner(owner);
        ask.setHeaderText("A role change or migration is running");
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(close)).setDefaultButton(false);
        return ask.showAndWait().filter(close::equals).isPresent();
    }

    /** A layout saved on a monitor that is gone would open the window off-screen: then let the system place it. */
    private static boolean onSomeScreen(WindowState layout) {
        return !Screen.getScreensForRectangle(layout.x(), layout.y(), Math.min(layout.width(), 200), 100).isEmpty();
    }

    private void toggleTheme() {
        dark = !dark;
        applyTheme();
    }

    private void applyTheme() {
        setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() {
        // The window is gone; stopping the demo servers here (not only in the shutdown hook) leaves nothing behind.
        if (vm != null) {
            vm.close();
        }
        if (journal != null) {
            journal.close();
        }
    }
}
