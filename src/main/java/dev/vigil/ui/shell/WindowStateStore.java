package dev.vigil.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the window's layout is kept: {@code -Dvigil.window.state}, else {@code $XDG_CONFIG_HOME/vigil/window.properties}
 * or {@code ~/.config/vigil/window.properties}. A missing or unreadable file means the default layout; a failed
 * save is logged and never stops the window from closing.
 */
public final class WindowStateStore {
    private static final Logger log = LoggerFactory.getLogger(WindowStateStore.class);
    private final Path file;

    public WindowStateStore(Path file) {
        this.file = file;
    }

    public static WindowStateStore standard() {
        String override = System.getProperty("vigil.window.state");
        if (override != null && !override.isBlank()) {
            return new WindowStateStore(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new WindowStateStore(base.resolve("vigil").resolve("window.properties"));
    }

    public Path file() {
        return file;
    }

    public WindowState load() {
        if (!Files.isRegularFile(file)) {
            return WindowState.DEFAULT;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring the window layout in {} ({}); using the default layout.", file, e.getMessage());
            return WindowState.DEFAULT;
        }
        return WindowState.from(p);
    }

    /** Writes a 0600 temporary file and moves it into place, so a crash mid-save never leaves half a file. */
    public void save(WindowState state) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            state.toProperties().store(out, "Vigil window layout");
            dev.vigil.os.PrivateFiles.writeAtomically(file, out.toString());
        } catch (IOException e) {
            log.warn("Could not save the window layout to {}: {}", file, e.getMessage());
        }
    }
}
