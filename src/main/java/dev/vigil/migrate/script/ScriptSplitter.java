package dev.vigil.migrate.script;

import dev.vigil.sql.SqlLexer;
import dev.vigil.sql.SqlToken;
import dev.vigil.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into the statements PostgreSQL would run, at semicolons outside literals, quoted names,
 * comments and dollar quotes, and outside SQL-standard function bodies ({@code BEGIN ATOMIC … END}, whose inner
 * statements end in semicolons too). Empty statements and comment-only text are left out.
 */
public final class ScriptSplitter {
    private ScriptSplitter() {}

    public static List<ScriptStatement> split(String script) {
        List<SqlToken> tokens = SqlLexer.tokens(script);
        List<ScriptStatement> statements = new ArrayList<>();
        List<SqlToken> current = new ArrayList<>();
        int atomic = 0;
        int caseDepth = 0;
        for (SqlToken t : tokens) {
            if (t.kind() == Kind.SEMICOLON && atomic == 0) {
                add(script, current, statements);
                current = new ArrayList<>();
                continue;
            }
            if (t.is("ATOMIC") && !current.isEmpty() && current.get(current.size() - 1).is("BEGIN")) {
                atomic++;
            } else if (atomic > 0 && t.is("CASE")) {
                caseDepth++;
            } else if (atomic > 0 && t.is("END")) {
                if (caseDepth > 0) {
                    caseDepth--;
                } else {
                    atomic--;
                }
            }
            current.add(t);
        }
        add(script, current, statements);
        return List.copyOf(statements);
    }

    private static void add(String script, List<SqlToken> tokens, List<ScriptStatement> into) {
        if (tokens.isEmpty()) {
            return;
        }
        SqlToken first = tokens.get(0);
        SqlToken last = tokens.get(tokens.size() - 1);
        into.add(new ScriptStatement(into.size() + 1, first.line(), script.substring(first.start(), last.end()), tokens));
    }
}
