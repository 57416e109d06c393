package dev.vigil.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierSlotsTest {
    private static final String COUNT_VALUES =
            "SELECT count(*) AS n FROM (SELECT 1 FROM {relation} WHERE {column} IS NOT NULL LIMIT ?) bounded";

    @Test
    void aTableNamedLikeTheNextSlotStaysOneQuotedName() {
        String sql = IdentifierSlots.of().quoted("relation", Identifiers.quote("public") + "."
                + Identifiers.quote("x{column}")).name("column", "note").fill(COUNT_VALUES);
        assertThat(sql).isEqualTo("SELECT count(*) AS n FROM (SELECT 1 FROM \"public\".\"x{column}\" WHERE \"note\" "
                + "IS NOT NULL LIMIT ?) bounded");
    }

    @Test
    void chainedReplaceWouldHaveSplicedIntoTheQuotes() {
        // What the single pass avoids: the second replace finds {column} inside the first one's quotes.
        String chained = COUNT_VALUES.replace("{relation}", Identifiers.quote("x{column}"))
                .replace("{column}", Identifiers.quote("note"));
        assertThat(chained).contains("\"x\"note\"\"");
        assertThat(IdentifierSlots.of().name("relation", "x{column}").name("column", "note").fill(COUNT_VALUES))
                .contains("FROM \"x{column}\" WHERE \"note\"");
    }

    @Test
    void everySlotOfANameIsFilledAndQuotesAreDoubled() {
        assertThat(IdentifierSlots.of().name("history", "a\"b").fill("INSERT INTO {history} SELECT * FROM {history}"))
                .isEqualTo("INSERT INTO \"a\"\"b\" SELECT * FROM \"a\"\"b\"");
    }

    @Test
    void bracesThatNameNoSlotStayAsTheyAre() {
        assertThat(IdentifierSlots.of().name("t", "v").fill("SELECT '{8}' ~ '[0-9]{8}', '{' FROM {t} {"))
                .isEqualTo("SELECT '{8}' ~ '[0-9]{8}', '{' FROM \"v\" {");
    }

    @Test
    void aSlotNameHasNoBraces() {
        assertThatThrownBy(() -> IdentifierSlots.of().name("{x}", "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
