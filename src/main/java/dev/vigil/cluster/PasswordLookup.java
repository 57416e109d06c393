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

    /**
     * A password and where it came from (shown instead of the password).
     *
     * @param origin where exactly, for messages: "PGPASSFILE=/x line 3", "the OS keyring (secret-tool, service vigil)"
     */
    record Password(String value, PasswordSource source, String origin) {
        public Password(String value, PasswordSource source) {
            this(value, source, source.describe());
        }

        @Override
        public String toString() {
            return "Password[from " + origin + "]";
        }
    }

    Optional<Password> find(String host, int port, String database, String user);

    /** For messages: where passwords are looked for. */
    String describe();

    /** The password file this lookup reads, if it reads one: where advice tells the operator to add a line. */
    default Optional<Path> passwordFile() {
        return Optional.empty();
    }

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
            public Optional<Path> passwordFile() {
                return first.passwordFile().or(second::passwordFile);
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
        String label = Pgpass.label(file);
        if (!Files.exists(file)) {
            return fixed(List.of(), PasswordSource.PGPASS, label + " (missing)", Optional.of(file), List.of());
        }
        Optional<String> unsafe = Pgpass.permissionProblem(file);
        if (unsafe.isPresent()) {
            return fixed(List.of(), PasswordSource.PGPASS, label + " (ignored: group or world access)",
                    Optional.of(file), List.of(new InventoryProblem(InventoryProblem.Severity.WARNING,
                    file.toString(), unsafe.get() + "; ignored until then, as libpq does")));
        }
        return fixed(Pgpass.readNumbered(file), PasswordSource.PGPASS, label, Optional.of(file), List.of());
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
                        .map(p -> new Password(p, PasswordSource.PROMPT, "typed at the prompt"));
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
        return fixed(entries.stream().map(e -> new Pgpass.Numbered(e, 0)).toList(), source, description,
                Optional.empty(), List.of());
    }

    private static PasswordLookup fixed(List<Pgpass.Numbered> entries, PasswordSource source, String description,
                                        Optional<Path> file, List<InventoryProblem> problems) {
        return new PasswordLookup() {
            @Override
            public Optional<Password> find(String host, int port, String database, String user) {
                return Pgpass.find(entries, host, port, database, user).map(n -> new Password(n.entry().password(),
                        source, n.line() > 0 ? description + " line " + n.line() : description));
            }

            @Override
            public Optional<Path> passwordFile() {
                return file;
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
