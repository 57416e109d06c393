package dev.vigil.ops.explain;

import dev.vigil.sql.SqlLexer;
import dev.vigil.sql.SqlToken;
import dev.vigil.sql.SqlToken.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells from a statement's text whether EXPLAIN ANALYZE could change anything: pure and conservative, so that
 * anything it cannot prove harmless counts as writing and needs the operator's confirmation.
 *
 * <p>Writing: INSERT, UPDATE, DELETE and MERGE, also inside WITH; SELECT … FOR UPDATE/SHARE (row locks); SELECT
 * INTO (creates a table); any call of a function outside a short list of built-ins known to have no effects.
 * Refused: empty text, more than one statement, and every other statement (DDL and utility).
 */
public final class StatementClassifier {

    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> LOCK_STRENGTHS = Set.of("UPDATE", "SHARE", "NO", "KEY");
    private static final Set<String> STATEMENT_STARTS = Set.of("SELECT", "VALUES", "TABLE", "WITH", "INSERT",
            "UPDATE", "DELETE", "MERGE");

    /** Words that come before a parenthesis without being a function call. */
    private static final Set<String> NOT_CALLS = Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "BERNOULLI", "BETWEEN", "BIT", "BY", "CASE", "CAST", "CHAR",
            "CHARACTER", "COALESCE", "CUBE", "DEC", "DECIMAL", "DEFAULT", "DISTINCT", "ELSE", "EXCEPT", "EXISTS",
            "EXTRACT", "FILTER", "FLOAT", "FROM", "GREATEST", "GROUP", "GROUPING", "HAVING", "ILIKE", "IN",
            "INTERSECT", "INTERVAL", "IS", "JOIN", "LATERAL", "LEAST", "LIKE", "LIMIT", "MATERIALIZED", "NATIONAL",
            "NCHAR", "NORMALIZE", "NOT", "NULLIF", "NUMERIC", "OFFSET", "ON", "OR", "OVER", "OVERLAY", "POSITION",
            "RECURSIVE", "REPEATABLE", "RETURNING", "ROLLUP", "ROW", "SELECT", "SETS", "SIMILAR", "SOME",
            "SUBSTRING", "SYSTEM", "THEN", "TIME", "TIMESTAMP", "TO", "TRIM", "UNION", "USING", "VALUES",
            "VARCHAR", "VARYING", "WHEN", "WHERE", "WITH", "WITHIN");

    /** Built-ins without side effects, called unqualified or as {@code pg_catalog.name}. */
    private static final Set<String> READ_ONLY_FUNCTIONS = Set.of(
            // aggregates and window functions
            "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "json_agg", "jsonb_agg",
            "json_object_agg", "jsonb_object_agg", "bool_and", "bool_or", "every", "bit_and", "bit_or",
            "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "corr", "covar_pop",
            "covar_samp", "percentile_cont", "percentile_disc", "mode", "row_number", "rank", "dense_rank",
            "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
            // dates and times
            "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "age", "date_trunc",
            "date_part", "date_bin", "make_date", "make_time", "make_timestamp", "make_timestamptz",
            "make_interval", "to_char", "to_date", "to_timestamp", "to_number", "justify_days", "justify_hours",
            "justify_interval", "isfinite",
            // text
            "lower", "upper", "initcap", "length", "char_length", "character_length", "octet_length", "substr",
            "left", "right", "lpad", "rpad", "ltrim", "rtrim", "btrim", "replace", "translate", "split_part",
            "strpos", "starts_with", "concat", "concat_ws", "format", "reverse", "repeat", "md5", "encode",
            "decode", "ascii", "chr", "quote_ident", "quote_literal", "quote_nullable", "regexp_replace",
            "regexp_match", "regexp_matches", "regexp_like", "regexp_count", "regexp_substr",
            "regexp_split_to_array", "regexp_split_to_table", "string_to_array", "string_to_table",
            // numbers
            "abs", "round", "trunc", "ceil", "ceiling", "floor", "mod", "div", "power", "sqrt", "exp", "ln", "log",
            "log10", "sign", "width_bucket", "random", "pi",
            // arrays, sets, ranges
            "array_length", "array_lower", "array_upper", "array_position", "array_positions", "array_append",
            "array_prepend", "array_cat", "array_remove", "array_replace", "array_to_string", "cardinality",
            "unnest", "generate_series", "generate_subscripts", "int4range", "int8range", "numrange", "tsrange",
            "tstzrange", "daterange", "isempty", "lower_inc", "upper_inc",
            // JSON
            "to_json", "to_jsonb", "row_to_json", "json_build_object", "jsonb_build_object", "json_build_array",
            "jsonb_build_array", "json_object", "jsonb_object", "json_array_length", "jsonb_array_length",
            "json_array_elements", "jsonb_array_elements", "json_array_elements_text",
            "jsonb_array_elements_text", "json_each", "jsonb_each", "json_each_text", "jsonb_each_text",
            "json_extract_path", "jsonb_extract_path", "json_extract_path_text", "jsonb_extract_path_text",
            "json_typeof", "jsonb_typeof", "jsonb_set", "jsonb_strip_nulls", "jsonb_pretty", "jsonb_path_query",
            "jsonb_path_query_array", "jsonb_path_query_first", "jsonb_path_exists",
            // catalog information
            "pg_typeof", "current_setting", "current_database", "current_schema", "version", "gen_random_uuid",
            "pg_size_pretty", "pg_relation_size", "pg_total_relation_size", "pg_table_size", "pg_indexes_size",
            "has_table_privilege", "has_schema_privilege", "format_type", "to_regclass", "to_regtype");

    private StatementClassifier() {}

    public static ClassifiedStatement classify(String text) {
        List<SqlToken> tokens = SqlLexer.tokens(text);
        int end = firstSemicolon(tokens);
        List<SqlToken> body = tokens.subList(0, end);
        String statement = (end < tokens.size() ? text.substring(0, tokens.get(end).start()) : text).strip();
        boolean placeholders = body.stream().anyMatch(t -> t.kind() == Kind.PARAMETER);
        if (body.isEmpty()) {
            return refused(statement, "Enter a query to explain.");
        }
        for (int i = end + 1; i < tokens.size(); i++) {
            if (tokens.get(i).kind() != Kind.SEMICOLON) {
                return refused(statement, "More than one statement: Vigil explains one statement at a time, and "
                        + "this text goes on after the ';' at character " + (tokens.get(end).start() + 1) + ".");
            }
        }
        SqlToken first = body.stream().filter(t -> t.kind() != Kind.OPEN).findFirst().orElse(body.get(0));
        if (first.kind() != Kind.WORD || !STATEMENT_STARTS.contains(first.text())) {
            return refused(statement, "Not explained: '" + text.substring(first.start(), first.end())
                    + "' starts a DDL or utility statement, or none at all. Vigil explains SELECT, VALUES, TABLE, "
                    + "WITH, INSERT, UPDATE, DELETE and MERGE.");
        }
        if (WRITES.contains(first.text())) {
            return new ClassifiedStatement(statement, StatementKind.WRITING, first.text() + " writes rows.",
                    placeholders);
        }
        String why = whyWriting(body, first.is("WITH"));
        return new ClassifiedStatement(statement, why == null ? StatementKind.READ_ONLY : StatementKind.WRITING,
                why == null ? "Reads only." : why, placeholders);
    }

    private static ClassifiedStatement refused(String statement, String reason) {
        return new ClassifiedStatement(statement, StatementKind.REFUSED, reason, false);
    }

    private static int firstSemicolon(List<SqlToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.SEMICOLON) {
                return i;
            }
        }
        return tokens.size();
    }

    /** Why a SELECT, VALUES, TABLE or WITH statement might write; null when it reads only. */
    private static String whyWriting(List<SqlToken> body, boolean startsWithWith) {
        for (int i = 0; i < body.size(); i++) {
            SqlToken t = body.get(i);
            if (t.is("FOR") && i + 1 < body.size() && body.get(i + 1).kind() == Kind.WORD
                    && LOCK_STRENGTHS.contains(body.get(i + 1).text())) {
                return "SELECT … FOR " + lockClause(body, i + 1) + " locks the rows it reads.";
            }
            if (t.kind() == Kind.WORD && WRITES.contains(t.text())) {
                return startsWithWith ? "A data-modifying WITH: " + t.text() + " writes rows."
                        : t.text() + " writes rows.";
            }
            if (t.is("INTO")) {
                return "SELECT INTO creates a table.";
            }
            if (isCall(body, i)) {
                String name = functionName(body, i);
                if (!isKnownReadOnly(body, i)) {
                    return "Calls " + name + "(), which Vigil cannot tell is free of side effects.";
                }
            }
        }
        return null;
    }

    private static String lockClause(List<SqlToken> body, int from) {
        StringBuilder clause = new StringBuilder();
        for (int i = from; i < body.size() && i < from + 3 && LOCK_STRENGTHS.contains(body.get(i).text()); i++) {
            clause.append(clause.isEmpty() ? "" : " ").append(body.get(i).text());
        }
        return clause.toString();
    }

    /** A name followed by '(' that is a function call, not a keyword, a type modifier or a column list. */
    private static boolean isCall(List<SqlToken> body, int i) {
        SqlToken t = body.get(i);
        if (i + 1 >= body.size() || body.get(i + 1).kind() != Kind.OPEN) {
            return false;
        }
        if (t.kind() == Kind.WORD) {
            if (NOT_CALLS.contains(t.text())) {
                return false;
            }
        } else if (t.kind() != Kind.QUOTED_IDENTIFIER) {
            return false;
        }
        if (i > 0 && body.get(i - 1).is("AS")) {
            return false; // an alias with its column list: AS t(a, b)
        }
        if (i > 1 && body.get(i - 1).text().equals(":") && body.get(i - 2).text().equals(":")) {
            return false; // a type modifier: ::varchar(20)
        }
        return !isCteColumnList(body, i + 1);
    }

    /** {@code WITH t(a, b) AS [NOT] [MATERIALIZED] (SELECT …)}: the parenthesis at {@code open} lists columns. */
    private static boolean isCteColumnList(List<SqlToken> body, int open) {
        int depth = 0;
        int i = open;
        for (; i < body.size(); i++) {
            Kind kind = body.get(i).kind();
            depth += kind == Kind.OPEN ? 1 : kind == Kind.CLOSE ? -1 : 0;
            if (depth == 0) {
                break;
            }
        }
        int next = i + 1;
        if (next >= body.size() || !body.get(next).is("AS")) {
            return false;
        }
        next++;
        while (next < body.size() && (body.get(next).is("NOT") || body.get(next).is("MATERIALIZED"))) {
            next++;
        }
        return next + 1 < body.size() && body.get(next).kind() == Kind.OPEN
                && body.get(next + 1).kind() == Kind.WORD && STATEMENT_STARTS.contains(body.get(next + 1).text());
    }

    private static boolean isKnownReadOnly(List<SqlToken> body, int i) {
        SqlToken t = body.get(i);
        if (t.kind() != Kind.WORD || !READ_ONLY_FUNCTIONS.contains(t.text().toLowerCase(Locale.ROOT))) {
            return false;
        }
        boolean qualified = i > 0 && body.get(i - 1).kind() == Kind.DOT;
        return !qualified || (i > 1 && body.get(i - 2).is("PG_CATALOG"));
    }

    private static String functionName(List<SqlToken> body, int i) {
        String name = nameOf(body.get(i));
        if (i > 1 && body.get(i - 1).kind() == Kind.DOT) {
            return nameOf(body.get(i - 2)) + "." + name;
        }
        return name;
    }

    private static String nameOf(SqlToken t) {
        return t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text();
    }
}
