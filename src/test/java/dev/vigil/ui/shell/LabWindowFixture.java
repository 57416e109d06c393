package dev.vigil.ui.shell;

import dev.vigil.lab.LabSettings;
import dev.vigil.ui.common.ConsoleView;
import java.io.IOException;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console window on the real demo lab, for an on-lab TestFX test: open it in {@code @Start}, close it in
 * {@code @AfterEach}. The lab's binaries and ports come from {@link LabSettings#fromEnvironment()}. The window
 * opens at once and the lab starts behind it, so each test waits for the state of the lab it needs.
 */
public final class LabWindowFixture implements AutoCloseable {
    public final DemoLabSource source;
    public final MainViewModel vm;
    public final MainView view;
    public final Scene scene;
    private final ConsoleWindow window;

    private LabWindowFixture(DemoLabSource source, ConsoleWindow window) {
        this.source = source;
        this.window = window;
        this.vm = window.vm;
        this.view = window.view;
        this.scene = window.scene;
    }

    /** The standard test window (see {@link ConsoleWindow}) with {@code view} on screen. */
    public static LabWindowFixture open(Stage stage, String journalName, ConsoleView view) throws IOException {
        DemoLabSource source = demoLab();
        return new LabWindowFixture(source, ConsoleWindow.open(stage, source, journalName, view));
    }

    /** A window of the given size and first view. */
    public static LabWindowFixture open(Stage stage, String journalName, WindowState state) throws IOException {
        DemoLabSource source = demoLab();
        return new LabWindowFixture(source, ConsoleWindow.open(stage, source, journalName, state));
    }

    private static DemoLabSource demoLab() {
        return new DemoLabSource(LabSettings.fromEnvironment());
    }

    /** Stops the lab (its fast shutdown ends sessions a test left waiting on a lock), then closes the journal. */
    @Override
    public void close() {
        window.close();
    }
}
