package dev.vigil.sql;

import dev.vigil.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into tokens the way PostgreSQL's lexer does where it matters for safety: string literals
 * ({@code ''}, {@code E''} with backslash escapes, {@code U&''}), quoted identifiers, dollar quotes
 * ({@code $$…$$}, {@code $tag$…$tag$}), line comments, nested block comments and {@code $n} parameters. A
 * semicolon inside any of those ends nothing. Both the EXPLAIN classifier and the migration script splitter
 * read SQL through it, so they cannot disagree about where a statement ends.
 *
 * <p>It assumes {@code standard_conforming_strings = on}, the default since 9.1; what runs the text sets it for its
 * own transaction so that the server reads it as this lexer did. Unterminated literals and comments run to the
 * end of the text, as they do for the server, which then reports the syntax error.
 */
public final class SqlLexer {
    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The tokens of {@code sql}, comments and white space left out. */
    public static List<SqlToken> tokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            int start = pos;
            int startLine = line;
            if (Character.isWhitespace(c)) {
                advance();
            } else if (c == '-' && peek(1) == '-') {
                while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                quoted('\'', false);
                add(Kind.STRING, start, startLine, sql.substring(start, pos), "");
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                pos++;
                quoted('\'', true);
                add(Kind.STRING, start, startLine, sql.substring(start, pos), "");
            } else if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
                pos += 2;
                char quote = sql.charAt(pos);
                quoted(quote, false);
                String text = sql.substring(start, pos);
                add(quote == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING, start, startLine, text,
                        quote == '"' ? text : "");
            } else if (c == '"') {
                quoted('"', false);
                String name = unquote(sql.substring(start, pos));
                add(Kind.QUOTED_IDENTIFIER, start, startLine, name, name);
            } else if (c == '$') {
                dollar(start, startLine);
            } else if (isIdentifierStart(c)) {
                while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                    pos++;
                }
                String word = sql.substring(start, pos);
                add(Kind.WORD, start, startLine, word.toUpperCase(Locale.ROOT), word.toLowerCase(Locale.ROOT));
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                number(start, startLine);
            } else {
                pos++;
                add(switch (c) {
                    case ';' -> Kind.SEMICOLON;
                    case '.' -> Kind.DOT;
                    case ',' -> Kind.COMMA;
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    default -> Kind.OTHER;
                }, start, startLine, String.valueOf(c), "");
            }
        }
    }

    private void add(Kind kind, int start, int startLine, String text, String name) {
        tokens.add(new SqlToken(kind, text, name, start, pos, startLine));
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private void advance() {
        if (sql.charAt(pos) == '\n') {
            line++;
        }
        pos++;
    }

    /** Block comments nest in PostgreSQL, unlike the SQL standard. */
    private void blockComment() {
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
                advance();
            }
        }
    }

    /** From the opening quote at {@code pos} to just past its closing one; a doubled quote stays inside. */
    private void quoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < sql.length()) {
                pos++;
                advance();
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                advance();
            }
        }
    }

    /** {@code $1} is a parameter; {@code $$…$$} and {@code $tag$…$tag$} quote a string; a lone {@code $} is other. */
    private void dollar(int start, int startLine) {
        if (Character.isDigit(peek(1))) {
            pos++;
            while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                pos++;
            }
            add(Kind.PARAMETER, start, startLine, sql.substring(start, pos), "");
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
            int end = close < 0 ? sql.length() : close + tag.length();
            while (pos < end) {
                advance();
            }
            add(Kind.STRING, start, startLine, sql.substring(start, pos), "");
            return;
        }
        pos++;
        add(Kind.OTHER, start, startLine, "$", "");
    }

    private void number(int start, int startLine) {
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
        add(Kind.NUMBER, start, startLine, sql.substring(start, pos), "");
    }

    private boolean isHex(int start) {
        return sql.startsWith("0x", start) || sql.startsWith("0X", start);
    }

    private static String unquote(String quoted) {
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
