package dev.vigil.migrate.script;

/**
 * One token of a script. A word's {@code text} is upper-cased (for matching keywords) and {@code name} is the
 * identifier PostgreSQL would see (folded to lower case); a quoted identifier keeps its case in both.
 */
public record Token(Kind kind, String text, String name, int start, int end, int line) {

    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SEMICOLON, DOT, COMMA, OPEN, CLOSE, OTHER }

    public boolean is(String upperWord) {
        return kind == Kind.WORD && text.equals(upperWord);
    }

    /** A word or a quoted identifier: something that can name an object. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }
}
