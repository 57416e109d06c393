package dev.vigil.sql;

/**
 * One token of SQL text. A word's {@code text} is upper-cased (for matching keywords) and {@code name} is the
 * identifier PostgreSQL would see (folded to lower case); a quoted identifier keeps its case, unquoted, in both.
 * {@code start} and {@code end} are offsets in the text, {@code line} counts from 1.
 */
public record SqlToken(Kind kind, String text, String name, int start, int end, int line) {

    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, SEMICOLON, DOT, COMMA, OPEN, CLOSE, OTHER }

    public boolean is(String upperWord) {
        return kind == Kind.WORD && text.equals(upperWord);
    }

    /** A word or a quoted identifier: something that can name an object. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
