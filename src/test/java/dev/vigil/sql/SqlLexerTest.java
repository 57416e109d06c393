package dev.vigil.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {
    private static List<Kind> kinds(String sql) {
        return SqlLexer.tokens(sql).stream().map(SqlToken::kind).toList();
    }

    @Test
    void semicolonsInsideLiteralsCommentsAndDollarQuotesEndNothing() {
        String sql = "SELECT 'a;b', E'c\\';d', \"x;y\", $f$ ; $f$ /* one /* nested ; */ still ; */ -- ;\n;";
        assertThat(kinds(sql)).containsExactly(Kind.WORD, Kind.STRING, Kind.COMMA, Kind.STRING, Kind.COMMA,
                Kind.QUOTED_IDENTIFIER, Kind.COMMA, Kind.STRING, Kind.SEMICOLON);
    }

    @Test
    void wordsAreUpperCasedForKeywordsAndFoldedForNamesQuotedOnesKeepTheirCase() {
        List<SqlToken> t = SqlLexer.tokens("Alter TABLE \"Shop\".orders");
        assertThat(t.get(0).is("ALTER")).isTrue();
        assertThat(t.get(0).name()).isEqualTo("alter");
        assertThat(t.get(2).text()).isEqualTo("Shop");
        assertThat(t.get(2).name()).isEqualTo("Shop");
        assertThat(t.get(2).isIdentifier()).isTrue();
        assertThat(t.get(3).kind()).isEqualTo(Kind.DOT);
    }

    @Test
    void parametersNumbersAndLoneDollars() {
        assertThat(SqlLexer.tokens("WHERE id = $1 AND x > 1.5e-3 AND y = .5 AND z = 0x1F"))
                .filteredOn(t -> t.kind() == Kind.PARAMETER || t.kind() == Kind.NUMBER)
                .extracting(SqlToken::text).containsExactly("$1", "1.5e-3", ".5", "0x1F");
        assertThat(kinds("a $ b")).containsExactly(Kind.WORD, Kind.OTHER, Kind.WORD);
    }

    @Test
    void linesCountThroughCommentsLiteralsAndDollarQuotes() {
        List<SqlToken> t = SqlLexer.tokens("SELECT 1;\n/* a\nb */ CREATE FUNCTION f() AS $$\nx\n$$;\nDROP TABLE t;");
        assertThat(t.stream().filter(x -> x.is("CREATE")).findFirst().orElseThrow().line()).isEqualTo(3);
        assertThat(t.stream().filter(x -> x.is("DROP")).findFirst().orElseThrow().line()).isEqualTo(6);
    }

    @Test
    void unterminatedTextRunsToTheEndAsItDoesForTheServer() {
        assertThat(kinds("SELECT 'open; DROP TABLE t")).containsExactly(Kind.WORD, Kind.STRING);
        assertThat(kinds("SELECT $q$ open; DROP")).containsExactly(Kind.WORD, Kind.STRING);
    }
}
