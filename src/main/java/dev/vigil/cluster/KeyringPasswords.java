package dev.vigil.cluster;

import dev.vigil.os.ArgvProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passwords from the OS keyring (the freedesktop Secret Service: GNOME Keyring, KWallet) through
 * {@code secret-tool}, stored under the attributes {@code service vigil host H port P database D user U}. Run without
 * a shell and within a time limit ({@link ArgvProcess}): a locked keyring that would pop up a prompt must not hang Vigil.
 */
final class KeyringPasswords implements PasswordLookup {
    static final Path SECRET_TOOL = Path.of("/usr/bin/secret-tool");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Path tool;
    private final Map<String, String> extraEnv;
    private final List<InventoryProblem> problems = new ArrayList<>();
    private boolean warned;

    KeyringPasswords(Path tool, Map<String, String> extraEnv) {
        this.tool = tool;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    @Override
    public Optional<Password> find(String host, int port, String database, String user) {
        if (!Files.isExecutable(tool)) {
            return Optional.empty();
        }
        List<String> argv = List.of(tool.toString(), "lookup", "service", "vigil", "host", host, "port",
                Integer.toString(port), "database", database, "user", user);
        try {
            // Standard error is thrown away: the secret is all of standard output, and nothing else may join it.
            ArgvProcess.Result r = ArgvProcess.of(argv).environment(extraEnv).discardErrors().run(TIMEOUT);
            if (r.timedOut()) {
                warnOnce("the OS keyring did not answer within " + TIMEOUT.toSeconds() + " s (locked?); unlock it or "
                        + "use " + dev.vigil.libpq.Pgpass.defaultLabel());
                return Optional.empty();
            }
            return r.exitCode() == 0 && !r.output().isEmpty()
                    ? Optional.of(new Password(r.output(), PasswordSource.KEYRING,
                            "the OS keyring (secret-tool, service vigil)")) : Optional.empty();
        } catch (IOException e) {
            warnOnce("the OS keyring could not be asked: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            problems.add(new InventoryProblem(InventoryProblem.Severity.WARNING, "keyring", message));
        }
    }

    @Override
    public String describe() {
        return Files.isExecutable(tool) ? "the OS keyring (secret-tool, service vigil)" : "the OS keyring (secret-tool not installed)";
    }

    @Override
    public List<InventoryProblem> problems() {
        return List.copyOf(problems);
    }
}
