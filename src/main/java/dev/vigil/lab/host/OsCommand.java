package dev.vigil.lab.host;

import dev.vigil.os.ArgvProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The lab's face of {@link ArgvProcess}: its failures as {@link LabException}s that name the command. */
public final class OsCommand {
    private OsCommand() {}

    public static CommandResult run(List<String> command, Map<String, String> extraEnv, Path workDir, Duration timeout) {
        ArgvProcess.Result result;
        try {
            result = ArgvProcess.of(command).environment(extraEnv).directory(workDir).run(timeout);
        } catch (IOException e) {
            throw new LabException("Could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("Interrupted while running " + command.get(0), e);
        }
        if (result.timedOut()) {
            throw new LabException(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                    + " s; it was killed.");
        }
        return new CommandResult(command, result.exitCode(), result.output());
    }
}
