package dev.vigil.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.vigil.cluster.InventoryFile;
import dev.vigil.lab.LabSettings;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The Vigil window: configured clusters and running labs, or with none, a demo lab of its own. */
public final class VigilApp extends Application {
    static final List<Integer> ICON_SIZES = List.of(16, 32, 48, 64, 128, 256);
    private MainViewModel vm;
    private boolean dark = true;

    public static void main(String[] args) {
        launch(VigilApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UiThread ui = UiThread.fx();
        vm = new MainViewModel(ui, TaskExecutor.background(ui),
                new StartupSource(InventoryFile.defaultPath(), LabSettings.fromEnvironment()));
        applyTheme();
        show(stage, vm, this::toggleTheme);
        vm.start("Loading clusters. With none configured, Vigil starts a demo lab: a PostgreSQL primary with two "
                + "streaming standbys and a light shop workload on 127.0.0.1 (the first start unpacks the binaries).");
    }

    /** Builds the scene on {@code stage}; the tests use this too. */
    public static Scene show(Stage stage, MainViewModel vm, Runnable toggleTheme) {
        MainView view = new MainView(vm, toggleTheme);
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(VigilApp.class.getResource("vigil.css").toExternalForm());
        stage.setTitle("Vigil — PostgreSQL operations console");
        ICON_SIZES.forEach(size -> stage.getIcons().add(
                new Image(VigilApp.class.getResourceAsStream("icons/vigil-" + size + ".png"))));
        stage.setScene(scene);
        stage.show();
        return scene;
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
    }
}
