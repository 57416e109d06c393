package dev.vigil.cluster;

import dev.vigil.libpq.Pgpass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a node's password without it ever being written by Vigil: from a libpq password file. */
public interface PasswordLookup {

    Optional<String> find(String host, int port, String database, String user);

    /** For messages: where passwords are looked for. */
    String describe();

    /** What was wrong with the source itself (a file others can read is ignored, as libpq does). */
    List<InventoryProblem> problems();

    /** PGPASSFILE, else ~/.pgpass. */
    static PasswordLookup pgpass() {
        return pgpass(Pgpass.defaultFile());
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

    private static PasswordLookup fixed(List<Pgpass.Entry> entries, String description, List<InventoryProblem> problems) {
        return new PasswordLookup() {
            @Override
            public Optional<String> find(String host, int port, String database, String user) {
                return Pgpass.lookup(entries, host, port, database, user);
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
