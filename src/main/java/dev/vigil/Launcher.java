package dev.vigil;

import dev.vigil.cli.VigilCli;
import dev.vigil.ui.VigilApp;

/**
 * The entry point for {@code java -jar}, {@code mvn javafx:run} and jpackage. It is not itself a JavaFX
 * Application, so JavaFX on the class path starts without module-path flags.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0 || "ui".equals(args[0])) {
            VigilApp.main(args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(VigilCli.run(args));
    }
}
