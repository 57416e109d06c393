package dev.vigil.cli;

import dev.vigil.cli.migrate.MigrateCommand;
import dev.vigil.cli.status.StatusCommand;
import dev.vigil.cli.status.WatchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code vigil} command line: the same core as the window, headless. */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "Vigil 0.1.0",
        description = "Operations console for PostgreSQL clusters. Without a command, opens the window.",
        subcommands = {LabCommand.class, InventoryCommand.class, StatusCommand.class, WatchCommand.class,
                SwitchoverCommand.class, FailoverCommand.class, RejoinCommand.class, MigrateCommand.class,
                ExplainCommand.class, BenchCommand.class})
public final class VigilCli {

    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** The same, printing to the given writers (tests read what a command printed). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new VigilCli()).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("vigil: " + e.getMessage());
                    return 2;
                })
                .execute(args);
    }
}
