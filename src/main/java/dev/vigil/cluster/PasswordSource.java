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
    NONE
}
