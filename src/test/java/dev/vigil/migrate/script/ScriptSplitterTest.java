package dev.vigil.migrate.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    private static List<String> sql(String script) {
        return ScriptSplitter.split(script).stream().map(ScriptStatement::sql).toList();
    }

    @Test
    void splitsAtSemicolonsAndDropsEmptyStatements() {
        assertThat(sql("CREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);;\n  ;SELECT 1"))
                .containsExactly("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)", "SELECT 1");
    }

    @Test
    void aSemicolonInsideLiteralsQuotedNamesAndCommentsEndsNothing() {
        String script = """
                INSERT INTO t (v) VALUES ('a;b'), ('it''s; fine'), (E'esc\\\\ and \\'; inside');
                -- a comment; with a semicolon
                CREATE TABLE "odd;name" (id int); /* block; /* nested; */ still comment; */
                SELECT U&'d\\0061t;a', $$dollar;quoted$$, $fn$ inner $$ ; $fn$;
                """;
        List<String> statements = sql(script);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("INSERT").endsWith("\\'; inside')");
        assertThat(statements.get(1)).isEqualTo("CREATE TABLE \"odd;name\" (id int)");
        assertThat(statements.get(2)).startsWith("SELECT U&").endsWith("$fn$");
    }

    @Test
    void aFunctionBodyInDollarQuotesIsOneStatement() {
        String script = """
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    UPDATE t SET n = n + 1;
                    RETURN NEW;
                END;
                $body$;
                DROP TABLE x;
                """;
        assertThat(sql(script)).hasSize(2).last().isEqualTo("DROP TABLE x");
    }

    @Test
    void aSqlStandardBodyWithBeginAtomicIsOneStatement() {
        String script = """
                CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                    SELECT CASE WHEN i > 0 THEN i + 1 ELSE 0 END;
                    SELECT i + 1;
                END;
                SELECT 2;
                """;
        List<String> statements = sql(script);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).endsWith("END");
        assertThat(statements.get(1)).isEqualTo("SELECT 2");
    }

    @Test
    void numbersStatementsAndTellsTheLineTheyStartOn() {
        List<ScriptStatement> s = ScriptSplitter.split("-- header\n\nSELECT 1;\nSELECT\n  'two\nlines';\n\n/* c\n */ SELECT 3;");
        assertThat(s).extracting(ScriptStatement::number).containsExactly(1, 2, 3);
        assertThat(s).extracting(ScriptStatement::line).containsExactly(3, 4, 9);
        assertThat(s.get(1).where()).isEqualTo("statement 2 (line 4)");
    }

    @Test
    void anUnterminatedLiteralRunsToTheEndAsTheServerWouldReadIt() {
        assertThat(sql("SELECT 'open; SELECT 2;")).containsExactly("SELECT 'open; SELECT 2;");
    }
}
