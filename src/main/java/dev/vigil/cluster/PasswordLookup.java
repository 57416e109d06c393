package dev.vigil.cluster;

import dev.vigil.libpq.Pgpass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a node's password without Vigil ever writing one: from a libpq password file or the OS keyring.
 */
public interface PasswordLookup {

    /** A password and where it came from (shown instead of the password). */
    record Password(String value, PasswordSource source) {
        @Override
        public String toString() {
            return "Password[from " + source + "]";
        }
    }

    Optional<Password> find(String host, int port, String database, String user);

    /** For messages: where passwords are looked for. */
    String describe();

    /** What was wrong with the source itself (a file others can read is ignored, as libpq does). */
    List<InventoryProblem> problems();

    /** PGPASSFILE, else ~/.pgpass. */
    static PasswordLookup pgpass() {
        return pgpass(Pgpass.defaultFile());
    }

    /** The OS keyring through secret-tool, when installed. */
    static PasswordLookup keyring() {
        return new KeyringPasswords(KeyringPasswords.SECRET_TOOL, java.util.Map.of());
    }

    /** The password file first (as libpq), then the keyring. */
    static PasswordLookup standard() {
        return chain(pgpass(), keyring());
    }

    static PasswordLookup chain(PasswordLookup first, PasswordLookup second) {
        return new PasswordLookup() {
            @Override
            public Optional<Password> find(String host, int port, String database, String user) {
                return first.find(host, port, database, user).or(() -> second.find(host, port, database, user));
            }

            @Override
            public String describe() {
                return first.describe() + " or " + second.describe();
            }

            @Override
            public List<InventoryProblem> problems() {
                List<InventoryProblem> all = new java.util.ArrayList<>(first.problems());
                all.addAll(second.problems());
                return all;
            }
        };
    }

    static PasswordLookup pgpass(Path file) {
        if (!Files.exists(file)) {
            return fixed(List.of(), file + " (missing)", List.of());
        }
        Optional<String> unsafe = Pgpass.permissionProblem(file);
        if (unsafe.isPresent()) {
            return fixed(List.of(), file.toString(), List.of(new InventoryProblem(InventoryProblem.Severity.WARNING,
                    file.toString(), unsafe.get() + "; ignored until then, as libpq does")));
        }
        return fixed(Pgpass.read(file), file.toString(), List.of());
    }

    /**
     * Asks the operator (a terminal, a dialog) for a password the other sources lack, once per user, host, port
     * and database; the answer stays in memory. {@code ask} gets a prompt and returns what was typed, or empty.
     */
    static PasswordLookup asking(java.util.function.Function<String, Optional<char[]>> ask) {
        java.util.Map<String, Optional<String>> answers = new java.util.concurrent.ConcurrentHashMap<>();
        return new PasswordLookup() {
            @Override
            public Optional<Password> find(String host, int port, String database, String user) {
                String who = user + "@" + host + ":" + port + "/" + database;
                return answers.computeIfAbsent(who, w -> ask.apply("Password for " + w + ": ").map(String::new))
                        .map(p -> new Password(p, PasswordSource.PROMPT));
            }

            @Override
            public String describe() {
                return "the operator, when asked";
            }

            @Override
            public List<InventoryProblem> problems() {
                return List.of();
            }
        };
    }

    /** Entries held in memory (a lab's own password file, read once), reported as coming from {@code source}. */
    static PasswordLookup of(List<Pgpass.Entry> entries, PasswordSource source, String description) {
        return fixed(List.copyOf(entries), source, description, List.of());
    }

    private static PasswordLookup fixed(List<Pgpass.Entry> entries, String description, List<InventoryProblem> problems) {
        return fixed(entries, PasswordSource.PGPASS, description, problems);
    }

    private static PasswordLookup fixed(List<Pgpass.Entry> entries, PasswordSource source, String description,
                                        List<InventoryProblem> problems) {
        return new PasswordLookup() {
            @Override
            public Optional<Password> find(String host, int port, String database, String user) {
                return Pgpass.lookup(entries, host, port, database, user).map(p -> new Password(p, source));
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public List<InventoryProblem> problems() {
                return problems;
            }
        };
    }
}
