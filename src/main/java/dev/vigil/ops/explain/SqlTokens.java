package dev.vigil.ops.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into tokens the way PostgreSQL's lexer does where it matters for safety: string literals
 * (standard, {@code E''} with backslash escapes, {@code U&''}), quoted identifiers, dollar quotes, line and nested
 * block comments, and {@code $n} parameters. A semicolon inside any of those is not a statement end.
 *
 * <p>It assumes {@code standard_conforming_strings = on}; the runner sets that for its own transaction so that the
 * server reads the text as this lexer did. Unterminated literals and comments run to the end of the text, as
 * they do for the server, which then reports the syntax error.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, PARAMETER, OPEN, CLOSE, SEMICOLON, DOT, OTHER }

    /** One token; {@code text} of a word is upper-cased, of a quoted identifier unquoted. */
    record Token(Kind kind, String text, int start, int end) {
        boolean isWord(String upper) {
            return kind == Kind.WORD && text.equals(upper);
        }
    }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private SqlTokens(String sql) {
        this.sql = sql;
    }

    /** The tokens of {@code sql}, comments and white space left out. */
    static List<Token> of(String sql) {
        SqlTokens lexer = new SqlTokens(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            int start = pos;
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                quoted('\'', false);
                add(Kind.STRING, start, sql.substring(start, pos));
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                pos++;
                quoted('\'', true);
                add(Kind.STRING, start, sql.substring(start, pos));
            } else if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
                pos += 2;
                char quote = sql.charAt(pos);
                quoted(quote, false);
                add(quote == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING, start, sql.substring(start, pos));
            } else if (c == '"') {
                quoted('"', false);
                add(Kind.QUOTED_IDENTIFIER, start, unquoteIdentifier(sql.substring(start, pos)));
            } else if (c == '$') {
                dollar(start);
            } else if (isIdentifierStart(c)) {
                while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                    pos++;
                }
                add(Kind.WORD, start, sql.substring(start, pos).toUpperCase(Locale.ROOT));
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number(start);
            } else {
                pos++;
                add(switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ';' -> Kind.SEMICOLON;
                    case '.' -> Kind.DOT;
                    default -> Kind.OTHER;
                }, start, String.valueOf(c));
            }
        }
    }

    private void add(Kind kind, int start, String text) {
        tokens.add(new Token(kind, text, start, pos));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
            pos++;
        }
    }

    /** Block comments nest in PostgreSQL, unlike the SQL standard. */
    private void skipBlockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    /** From the opening quote at {@code pos} to just past the closing one; a doubled quote stays inside. */
    private void quoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = sql.length();
    }

    /** {@code $1} is a parameter; {@code $$…$$} and {@code $tag$…$tag$} quote a string. */
    private void dollar(int start) {
        if (Character.isDigit(peek(1))) {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            add(Kind.PARAMETER, start, sql.substring(start, pos));
            return;
        }
        int tagEnd = pos + 1;
        if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd))) {
            while (tagEnd < sql.length() && isTagPart(sql.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (tagEnd < sql.length() && sql.charAt(tagEnd) == '$') {
            String tag = sql.substring(pos, tagEnd + 1);
            int close = sql.indexOf(tag, tagEnd + 1);
            pos = close < 0 ? sql.length() : close + tag.length();
            add(Kind.STRING, start, sql.substring(start, pos));
            return;
        }
        pos++;
        add(Kind.OTHER, start, "$");
    }

    private void number(int start) {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            boolean exponentSign = (c == '+' || c == '-') && pos > start
                    && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E') && !isHex(start);
            if (Character.isLetterOrDigit(c) || c == '_' || exponentSign || (c == '.' && peek(1) != '.')) {
                pos++;
            } else {
                break;
            }
        }
        add(Kind.NUMBER, start, sql.substring(start, pos));
    }

    private boolean isHex(int start) {
        return sql.startsWith("0x", start) || sql.startsWith("0X", start);
    }

    private static String unquoteIdentifier(String quoted) {
        String inner = quoted.length() >= 2 && quoted.endsWith("\"") ? quoted.substring(1, quoted.length() - 1)
                : quoted.substring(1);
        return inner.replace("\"\"", "\"");
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }

    private static boolean isTagPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c);
    }
}
