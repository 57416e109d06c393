package dev.vigil.ops.explain;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error as the server reported it.
 *
 * @param sqlState SQLSTATE, e.g. 42601 for a syntax error, 57014 for a statement timeout
 * @param message  the server's primary message
 * @param position 1-based character position in the operator's statement, when the server gave one inside it
 */
public record SqlError(String sqlState, String message, Optional<String> detail, Optional<String> hint,
                       OptionalInt position) {

    /** One line for the operator: "ERROR 42601 at character 1: syntax error at or near "SELEC"". */
    public String describe() {
        StringBuilder line = new StringBuilder("ERROR ").append(sqlState.isEmpty() ? "(no SQLSTATE)" : sqlState);
        position.ifPresent(p -> line.append(" at character ").append(p));
        line.append(": ").append(message);
        detail.ifPresent(d -> line.append("\nDETAIL: ").append(d));
        hint.ifPresent(h -> line.append("\nHINT: ").append(h));
        return line.toString();
    }
}
