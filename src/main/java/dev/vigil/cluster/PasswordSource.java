package dev.vigil.cluster;

/** Where a node's password came from; shown to the operator instead of the password. */
public enum PasswordSource {
    /** A libpq password file: PGPASSFILE or ~/.pgpass. */
    PGPASS,
    /** The OS keyring (Secret Service). */
    KEYRING,
    /** A lab's own password file. */
    LAB,
    /** Typed by the operator at a prompt; kept in memory only. */
    PROMPT,
    /** None found: the server may not need one (cert, trust), or the operator is asked. */
    NONE;

    /** For messages when nothing more exact is known. */
    public String describe() {
        return switch (this) {
            case PGPASS -> "a password file (PGPASSFILE or ~/.pgpass)";
            case KEYRING -> "the OS keyring (secret-tool, service vigil)";
            case LAB -> "the lab's password file";
            case PROMPT -> "typed at the prompt";
            case NONE -> "none found";
        };
    }
}
