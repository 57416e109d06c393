package dev.vigil.sql;

/** The one way an identifier that came from a server or a user enters SQL text: quoted, quotes doubled. */
public final class Identifiers {
    private Identifiers() {}

    public static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL byte");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
