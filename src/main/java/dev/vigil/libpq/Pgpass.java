package dev.vigil.libpq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** libpq's password file format: {@code host:port:database:user:password}, with {@code :} and {@code \} escaped. */
public final class Pgpass {
    private Pgpass() {}

    public record Entry(String host, String port, String database, String user, String password) {
        boolean matches(String h, int p, String db, String u) {
            return field(host, h) && field(port, Integer.toString(p)) && field(database, db) && field(user, u);
        }

        private static boolean field(String pattern, String value) {
            return "*".equals(pattern) || pattern.equals(value);
        }

        String line() {
            return String.join(":", escape(host), escape(port), escape(database), escape(user), escape(password));
        }
    }

    /** Writes the file with mode 0600 from its creation on, as libpq requires. */
    public static void write(Path file, List<Entry> entries) {
        StringBuilder text = new StringBuilder("# Written by Vigil for a disposable lab. libpq reads it (passfile=).\n");
        entries.forEach(e -> text.append(e.line()).append('\n'));
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** An entry and the line of the file it is on (1-based), so a message can say which line a password came from. */
    public record Numbered(Entry entry, int line) {}

    public static List<Entry> read(Path file) {
        return readNumbered(file).stream().map(Numbered::entry).toList();
    }

    public static List<Numbered> readNumbered(Path file) {
        try {
            List<Numbered> entries = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line);
                if (fields.size() == 5) {
                    entries.add(new Numbered(new Entry(fields.get(0), fields.get(1), fields.get(2), fields.get(3),
                            fields.get(4)), i + 1));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not read password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where libpq looks: {@code PGPASSFILE}, else {@code ~/.pgpass}. */
    public static Path defaultFile() {
        String env = System.getenv("PGPASSFILE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".pgpass");
    }

    /** The file libpq would read, named for advice: "PGPASSFILE=/x" when set, else the path of ~/.pgpass. */
    public static String defaultLabel() {
        return label(defaultFile());
    }

    /** How to name a password file to the operator: {@code PGPASSFILE=/x} when that is how it was chosen. */
    public static String label(Path file) {
        String env = System.getenv("PGPASSFILE");
        return env != null && !env.isBlank() && Path.of(env).equals(file) ? "PGPASSFILE=" + file : file.toString();
    }

    /**
     * Why libpq would ignore this file, if it would: like libpq, a password file others can read or write is not
     * trusted (it must be mode 0600 or stricter).
     */
    public static Optional<String> permissionProblem(Path file) {
        try {
            var perms = Files.getPosixFilePermissions(file);
            boolean open = perms.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
            return open ? Optional.of("password file " + file + " has group or world access ("
                    + PosixFilePermissions.toString(perms) + "); run chmod 0600 " + file) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("password file " + file + " cannot be checked: " + e.getMessage());
        }
    }

    /** The first matching entry, as libpq takes it. */
    public static Optional<Numbered> find(List<Numbered> entries, String host, int port, String database, String user) {
        return entries.stream().filter(e -> e.entry().matches(host, port, database, user)).findFirst();
    }

    public static Optional<String> lookup(List<Entry> entries, String host, int port, String database, String user) {
        return entries.stream().filter(e -> e.matches(host, port, database, user)).map(Entry::password).findFirst();
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
