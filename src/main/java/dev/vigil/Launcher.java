package dev.vigil;

import dev.vigil.bench.ui.UiBench;
import dev.vigil.cli.VigilCli;
import dev.vigil.ui.shell.VigilApp;
import java.util.Arrays;

/**
 * The entry point for {@code java -jar}, {@code mvn javafx:run} and jpackage. It is not itself a JavaFX
 * Application, so JavaFX on the class path starts without module-path flags.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0 || "ui".equals(args[0])) {
            VigilApp.main(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // The CLI may not depend on the UI (LayeringTest), so the window's bench is routed here.
        if (args.length >= 2 && "bench".equals(args[0]) && "ui".equals(args[1])) {
            System.exit(UiBench.run(Arrays.copyOfRange(args, 2, args.length)));
        }
        System.exit(VigilCli.run(args));
    }
}
