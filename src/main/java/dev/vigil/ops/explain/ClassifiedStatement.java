package dev.vigil.ops.explain;

/**
 * A statement as the classifier read it.
 *
 * @param statement the text to explain: the operator's text up to its terminating semicolon, if any, and without
 *                  surrounding white space
 * @param kind      read-only, writing, or refused
 * @param reason    why, in words for the operator ("UPDATE writes rows", "more than one statement")
 * @param hasPlaceholders whether the text has {@code $n} parameters, as normalized texts from pg_stat_statements do
 */
public record ClassifiedStatement(String statement, StatementKind kind, String reason, boolean hasPlaceholders) {

    public boolean isRefused() {
        return kind == StatementKind.REFUSED;
    }

    public boolean isWriting() {
        return kind == StatementKind.WRITING;
    }
}
