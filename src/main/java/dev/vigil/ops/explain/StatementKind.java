package dev.vigil.ops.explain;

/** What running a statement could do, as far as its text tells; see {@link StatementClassifier}. */
public enum StatementKind {
    /** Reads only: SELECT, VALUES, TABLE or WITH … SELECT, calling only functions known to have no effects. */
    READ_ONLY,
    /** Writes, locks rows, or calls something that might: EXPLAIN ANALYZE needs the operator's confirmation. */
    WRITING,
    /** Not explained at all: empty, more than one statement, or DDL and utility statements. */
    REFUSED
}
