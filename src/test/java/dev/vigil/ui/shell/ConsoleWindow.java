package dev.vigil.ui.shell;

import atlantafx.base.theme.PrimerDark;
import dev.vigil.journal.Journal;
import dev.vigil.ui.common.ClusterSource;
import dev.vigil.ui.common.ConsoleView;
import dev.vigil.ui.common.TaskExecutor;
import dev.vigil.ui.common.UiThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console window for a TestFX test: dark theme, 1360x860, a fresh journal under target/test-journals, the
 * given view on screen, the source opened in the background. Close it in {@code @AfterEach}.
 */
public final class ConsoleWindow implements AutoCloseable {
    public final MainViewModel vm;
    public final MainView view;
    public final Scene scene;
    public final Journal journal;

    private ConsoleWindow(MainViewModel vm, MainView view, Journal journal) {
        this.vm = vm;
        this.view = view;
        this.scene = view.getScene();
        this.journal = journal;
    }

    public static ConsoleWindow open(Stage stage, ClusterSource source, String journalName, ConsoleView view) throws IOException {
        return open(stage, source, journalName, new WindowState(0, 0, 1360, 860, false, 0.22, view, true,
                Duration.ofMinutes(5)));
    }

    /** As {@link #open(Stage, ClusterSource, String, ConsoleView)}, with the window's size and first view given. */
    public static ConsoleWindow open(Stage stage, ClusterSource source, String journalName, WindowState state)
            throws IOException {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        UiThread ui = UiThread.fx();
        Path file = Path.of("target", "test-journals", journalName, "journal.jsonl");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Journal journal = Journal.open(file);
        MainViewModel vm = new MainViewModel(ui, TaskExecutor.background(ui), source, journal);
        MainView view = VigilApp.show(stage, vm, () -> { }, state);
        vm.start("Starting " + source.description() + "…");
        return new ConsoleWindow(vm, view, journal);
    }

    @Override
    public void close() {
        vm.close();
        journal.close();
    }
}
