package dev.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One `vigil ...` run in-process, as the command-line tests see it: exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {
    public static CliRun vigil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VigilCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    public static CliRun vigil(List<String> args) {
        return vigil(args.toArray(String[]::new));
    }
}
