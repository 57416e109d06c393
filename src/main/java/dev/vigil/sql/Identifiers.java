package dev.vigil.sql;

/**
 * The one way an identifier that came from a server or a user enters SQL text: quoted, quotes doubled. Values
 * are bound; {@link #literal} is only for SQL that Vigil shows the operator to run (a fix, a command's text).
 */
public final class Identifiers {
    private Identifiers() {}

    public static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier contains a NUL byte");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A string literal for displayed SQL: single quotes doubled (standard_conforming_strings, on since 9.1). */
    public static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("literal contains a NUL byte");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
