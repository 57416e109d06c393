package dev.vigil.migrate.script;

import dev.vigil.sql.SqlToken;
import java.util.List;

/**
 * One statement of a script, as it will be sent: its text from its first token to its last (the ending
 * semicolon left out), its number in the script from 1, and the line it starts on.
 */
public record ScriptStatement(int number, int line, String sql, List<SqlToken> tokens) {
    public ScriptStatement {
        tokens = List.copyOf(tokens);
    }

    /** The statement on one line, cut to {@code max} characters, for evidence and reports. */
    public String brief(int max) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /** "statement 2 (line 5)" */
    public String where() {
        return "statement " + number + " (line " + line + ")";
    }
}
