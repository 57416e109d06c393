package dev.vigil.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.InventoryFile;
import dev.vigil.journal.Journal;
import dev.vigil.lab.LabSettings;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
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
        vm.start("Loading clusters. With none configured, Vigil starts a demo lab: a PostgreSQL primary with two "
                + "streaming standbys and a light shop workload on 127.0.0.1 (the first start unpacks the binaries).");
    }

    /** Builds the scene on {@code stage} with a remembered layout; the tests use this too. */
    public static MainView show(Stage stage, MainViewModel vm, Runnable toggleTheme, WindowState layout) {
        vm.viewProperty().set(layout.view());
        vm.chartRangeProperty().set(layout.chartRange());
        MainView view = new MainView(vm, toggleTheme, ConsoleViews.create(vm));
        Scene scene = new Scene(view, layout.width(), layout.height());
        scene.getStylesheets().addAll(VigilApp.class.getResource("badges.css").toExternalForm(),
                VigilApp.class.getResource("vigil.css").toExternalForm());
        stage.setTitle("Vigil — PostgreSQL operations console");
        ICON_SIZES.forEach(size -> stage.getIcons().add(
                new Image(VigilApp.class.getResourceAsStream("icons/vigil-" + size + ".png"))));
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

    /** A layout saved on a monitor that is gone would open the window off-screen: then let the system place it. */
    private static boolean onSomeScreen(WindowState layout) {
        return !Screen.getScreensForRectangle(layout.x(), layout.y(), Math.min(layout.width(), 200), 100).isEmpty();
    }

    static WindowState capture(Stage stage, MainView view) {
        return new WindowState(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(),
                stage.isMaximized(), view.split().getDividerPositions()[0], view.vm().viewProperty().get(),
                !isLight(), view.vm().chartRangeProperty().get());
    }

    private static boolean isLight() {
        String ua = getUserAgentStylesheet();
        return ua != null && ua.equals(new PrimerLight().getUserAgentStylesheet());
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
