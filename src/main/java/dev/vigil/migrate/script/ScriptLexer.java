package dev.vigil.migrate.script;

import dev.vigil.migrate.script.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a script into tokens the way PostgreSQL's lexer sees the parts that matter for splitting and naming:
 * string literals ({@code ''}, {@code E''} with backslash escapes, {@code U&''}), quoted identifiers, dollar
 * quotes ({@code $$…$$}, {@code $tag$…$tag$}), line comments and nested block comments. A semicolon inside any
 * of those ends nothing. It assumes {@code standard_conforming_strings = on}, the default since 9.1. Text left
 * unterminated runs to the end, as it does for the server, which then reports the error.
 */
final class ScriptLexer {
    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;

    private ScriptLexer(String sql) {
        this.sql = sql;
    }

    static List<Token> tokens(String sql) {
        ScriptLexer lexer = new ScriptLexer(sql);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            int start = pos;
            int startLine = line;
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < sql.length() && sql.charAt(pos) != '\n') {
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
                add(quote == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING, start, startLine, text, text);
            } else if (c == '"') {
                quoted('"', false);
                String name = unquote(sql.substring(start, pos));
                add(Kind.QUOTED_IDENTIFIER, start, startLine, name, name);
            } else if (c == '$' && dollarQuote()) {
                add(Kind.STRING, start, startLine, sql.substring(start, pos), "");
            } else if (isIdentifierStart(c)) {
                while (pos < sql.length() && isIdentifierPart(sql.charAt(pos))) {
                    pos++;
                }
                String word = sql.substring(start, pos);
                add(Kind.WORD, start, startLine, word.toUpperCase(Locale.ROOT), word.toLowerCase(Locale.ROOT));
            } else if (Character.isDigit(c)) {
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.'
                        || sql.charAt(pos) == '_')) {
                    pos++;
                }
                add(Kind.NUMBER, start, startLine, sql.substring(start, pos), "");
            } else {
                pos++;
                Kind kind = switch (c) {
                    case ';' -> Kind.SEMICOLON;
                    case '.' -> Kind.DOT;
                    case ',' -> Kind.COMMA;
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    default -> Kind.OTHER;
                };
                add(kind, start, startLine, String.valueOf(c), "");
            }
        }
    }

    private void add(Kind kind, int start, int startLine, String text, String name) {
        tokens.add(new Token(kind, text, name, start, pos, startLine));
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

    /** PostgreSQL's block comments nest, unlike the SQL standard's. */
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

    /** {@code $$…$$} or {@code $tag$…$tag$} from {@code pos}; false (nothing consumed) for a lone {@code $}. */
    private boolean dollarQuote() {
        int tagEnd = pos + 1;
        if (tagEnd < sql.length() && isIdentifierStart(sql.charAt(tagEnd))) {
            while (tagEnd < sql.length() && isIdentifierPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
                tagEnd++;
            }
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return false;
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        int end = close < 0 ? sql.length() : close + tag.length();
        while (pos < end) {
            advance();
        }
        return true;
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
}
