package dev.vigil.migrate.script;

import dev.vigil.sql.SqlLexer;
import dev.vigil.sql.SqlToken;
import dev.vigil.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a statement will do from its tokens, without a server: whether it may run inside a transaction,
 * what data it destroys, and what objects it creates. Pure and conservative: it names what it recognises and
 * claims nothing about the rest.
 */
public final class StatementAnalyser {
    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "ABORT");
    private static final Set<String> NOT_COLUMN_DROPS = Set.of("CONSTRAINT", "DEFAULT", "NOT", "EXPRESSION",
            "IDENTITY");
    private static final Set<String> NOT_COLUMN_ADDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
            "EXCLUDE");
    private static final Set<String> TEMPORARY = Set.of("TEMP", "TEMPORARY");

    private StatementAnalyser() {}

    /** Every statement of a script, as it would run on a server of {@code serverVersionNum} (e.g. 170006). */
    public static List<AnalysedStatement> analyse(String script, int serverVersionNum) {
        return ScriptSplitter.split(script).stream().map(s -> analyse(s, serverVersionNum)).toList();
    }

    public static AnalysedStatement analyse(ScriptStatement statement, int serverVersionNum) {
        Cursor c = new Cursor(statement.tokens());
        Optional<String> outside = outsideTransaction(new Cursor(statement.tokens()), serverVersionNum);
        boolean control = c.peek().kind() == Kind.WORD && TRANSACTION_CONTROL.contains(c.peek().text())
                && !(c.peek().is("START") && !c.peekIs(1, "TRANSACTION"));
        boolean retrySafe = !(isCreateIndexConcurrently(statement.tokens()) || (c.peek().is("REINDEX")
                && contains(statement.tokens(), "CONCURRENTLY")));
        List<Destruction> destroys = new ArrayList<>();
        List<Creation> creates = new ArrayList<>();
        read(new Cursor(statement.tokens()), destroys, creates);
        return new AnalysedStatement(statement, outside, control, retrySafe, destroys, creates);
    }

    // --- transactions ---------------------------------------------------------------------------------------

    private static Optional<String> outsideTransaction(Cursor c, int serverVersionNum) {
        List<SqlToken> t = c.tokens;
        if (isCreateIndexConcurrently(t)) {
            return Optional.of("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
        }
        if (c.peekIs(0, "DROP") && c.peekIs(1, "INDEX") && c.peekIs(2, "CONCURRENTLY")) {
            return Optional.of("DROP INDEX CONCURRENTLY cannot run inside a transaction block");
        }
        if (c.peekIs(0, "REINDEX")) {
            if (contains(t, "CONCURRENTLY")) {
                return Optional.of("REINDEX CONCURRENTLY cannot run inside a transaction block");
            }
            for (String scope : List.of("SYSTEM", "DATABASE", "SCHEMA")) {
                if (contains(t, scope)) {
                    return Optional.of("REINDEX " + scope + " cannot run inside a transaction block");
                }
            }
        }
        if (c.peekIs(0, "VACUUM")) {
            return Optional.of("VACUUM cannot run inside a transaction block");
        }
        if (c.peekIs(0, "CLUSTER") && t.stream().noneMatch(k -> k.isIdentifier() && !k.is("CLUSTER") && !k.is("VERBOSE"))) {
            return Optional.of("CLUSTER without a table cannot run inside a transaction block");
        }
        for (String object : List.of("DATABASE", "TABLESPACE", "SUBSCRIPTION")) {
            if ((c.peekIs(0, "CREATE") || c.peekIs(0, "DROP")) && c.peekIs(1, object)) {
                return Optional.of(t.get(0).text() + " " + object + " cannot run inside a transaction block");
            }
        }
        if (c.peekIs(0, "ALTER") && c.peekIs(1, "DATABASE") && contains(t, "TABLESPACE") && contains(t, "SET")) {
            return Optional.of("ALTER DATABASE … SET TABLESPACE cannot run inside a transaction block");
        }
        if (c.peekIs(0, "ALTER") && c.peekIs(1, "SUBSCRIPTION") && contains(t, "REFRESH")) {
            return Optional.of("ALTER SUBSCRIPTION … REFRESH PUBLICATION cannot run inside a transaction block");
        }
        if (c.peekIs(0, "ALTER") && c.peekIs(1, "SYSTEM")) {
            return Optional.of("ALTER SYSTEM cannot run inside a transaction block");
        }
        if (c.peekIs(0, "DISCARD") && c.peekIs(1, "ALL")) {
            return Optional.of("DISCARD ALL cannot run inside a transaction block");
        }
        if (c.peekIs(0, "ALTER") && c.peekIs(1, "TABLE") && contains(t, "DETACH") && contains(t, "CONCURRENTLY")) {
            return Optional.of("ALTER TABLE … DETACH PARTITION … CONCURRENTLY cannot run inside a transaction block");
        }
        if (serverVersionNum < 120000 && c.peekIs(0, "ALTER") && c.peekIs(1, "TYPE") && containsSequence(t, "ADD", "VALUE")) {
            return Optional.of("ALTER TYPE … ADD VALUE cannot run inside a transaction block before PostgreSQL 12");
        }
        return Optional.empty();
    }

    private static boolean isCreateIndexConcurrently(List<SqlToken> t) {
        Cursor c = new Cursor(t);
        if (!c.accept("CREATE")) {
            return false;
        }
        c.accept("UNIQUE");
        return c.accept("INDEX") && c.peekIs(0, "CONCURRENTLY");
    }

    // --- destroys and creates -------------------------------------------------------------------------------

    private static void read(Cursor c, List<Destruction> destroys, List<Creation> creates) {
        if (c.accept("DROP")) {
            if (c.accept("TABLE")) {
                c.accept("IF", "EXISTS");
                List<QualifiedName> names = c.nameList();
                boolean cascade = c.rest("CASCADE");
                names.forEach(n -> destroys.add(new Destruction(Destruction.Kind.DROP_TABLE, n, Optional.empty(), cascade)));
            } else if (c.accept("SCHEMA")) {
                c.accept("IF", "EXISTS");
                List<QualifiedName> names = c.nameList();
                boolean cascade = c.rest("CASCADE");
                names.forEach(n -> destroys.add(new Destruction(Destruction.Kind.DROP_SCHEMA,
                        QualifiedName.unqualified(n.name()), Optional.empty(), cascade)));
            }
        } else if (c.accept("TRUNCATE")) {
            c.accept("TABLE");
            c.accept("ONLY");
            List<QualifiedName> names = c.nameList();
            boolean cascade = c.rest("CASCADE");
            names.forEach(n -> destroys.add(new Destruction(Destruction.Kind.TRUNCATE, n, Optional.empty(), cascade)));
        } else if (c.accept("ALTER", "TABLE")) {
            c.accept("IF", "EXISTS");
            c.accept("ONLY");
            Optional<QualifiedName> table = c.name();
            if (table.isPresent()) {
                c.acceptOther("*");
                alterTableActions(c, table.get(), destroys, creates);
            }
        } else if (c.accept("CREATE")) {
            created(c).ifPresent(creates::add);
        }
    }

    /** The comma-separated actions of ALTER TABLE: DROP [COLUMN] [IF EXISTS] col, ADD [COLUMN] [IF NOT EXISTS] col. */
    private static void alterTableActions(Cursor c, QualifiedName table, List<Destruction> destroys,
                                          List<Creation> creates) {
        while (!c.done()) {
            if (c.accept("DROP") && !NOT_COLUMN_DROPS.contains(c.peek().text())) {
                c.accept("COLUMN");
                c.accept("IF", "EXISTS");
                Optional<String> column = c.identifier();
                if (column.isPresent()) {
                    boolean cascade = c.peekIs(0, "CASCADE");
                    destroys.add(new Destruction(Destruction.Kind.DROP_COLUMN, table, column, cascade));
                }
            } else if (c.accept("ADD") && !NOT_COLUMN_ADDS.contains(c.peek().text())) {
                c.accept("COLUMN");
                c.accept("IF", "NOT", "EXISTS");
                c.identifier().ifPresent(col -> creates.add(new Creation(Creation.Kind.COLUMN, table, Optional.of(col))));
            }
            c.skipToNextTopLevelComma();
        }
    }

    private static Optional<Creation> created(Cursor c) {
        c.accept("OR", "REPLACE");
        boolean temporary = false;
        while (c.peek().kind() == Kind.WORD && (TEMPORARY.contains(c.peek().text()) || c.peek().is("GLOBAL")
                || c.peek().is("LOCAL") || c.peek().is("UNLOGGED") || c.peek().is("RECURSIVE"))) {
            temporary |= TEMPORARY.contains(c.peek().text());
            c.next();
        }
        if (temporary) {
            return Optional.empty();
        }
        if (c.accept("TABLE")) {
            c.accept("IF", "NOT", "EXISTS");
            return c.name().map(n -> new Creation(Creation.Kind.TABLE, n, Optional.empty()));
        }
        if (c.accept("SEQUENCE")) {
            c.accept("IF", "NOT", "EXISTS");
            return c.name().map(n -> new Creation(Creation.Kind.SEQUENCE, n, Optional.empty()));
        }
        if (c.accept("VIEW")) {
            return c.name().map(n -> new Creation(Creation.Kind.VIEW, n, Optional.empty()));
        }
        if (c.accept("MATERIALIZED", "VIEW")) {
            c.accept("IF", "NOT", "EXISTS");
            return c.name().map(n -> new Creation(Creation.Kind.MATERIALIZED_VIEW, n, Optional.empty()));
        }
        c.accept("UNIQUE");
        if (c.accept("INDEX")) {
            c.accept("CONCURRENTLY");
            c.accept("IF", "NOT", "EXISTS");
            if (c.peekIs(0, "ON")) {
                return Optional.empty(); // unnamed: the server picks the name
            }
            Optional<QualifiedName> index = c.name();
            if (index.isEmpty() || !c.accept("ON")) {
                return Optional.empty();
            }
            c.accept("ONLY");
            Optional<QualifiedName> table = c.name();
            return index.map(i -> new Creation(Creation.Kind.INDEX, table.map(i::inSchemaOf).orElse(i), Optional.empty()));
        }
        return Optional.empty();
    }

    private static boolean contains(List<SqlToken> tokens, String word) {
        return tokens.stream().anyMatch(t -> t.is(word));
    }

    private static boolean containsSequence(List<SqlToken> tokens, String first, String second) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is(first) && tokens.get(i + 1).is(second)) {
                return true;
            }
        }
        return false;
    }

    /** Reads a statement's tokens left to right. Past the end it returns a blank token, so peeks need no checks. */
    private static final class Cursor {
        private static final SqlToken END = new SqlToken(Kind.OTHER, "", "", -1, -1, 0);
        private final List<SqlToken> tokens;
        private int i;

        Cursor(List<SqlToken> tokens) {
            this.tokens = tokens;
        }

        boolean done() {
            return i >= tokens.size();
        }

        SqlToken peek() {
            return at(i);
        }

        SqlToken at(int index) {
            return index < tokens.size() ? tokens.get(index) : END;
        }

        boolean peekIs(int ahead, String word) {
            return at(i + ahead).is(word);
        }

        void next() {
            i++;
        }

        /** Consumes the words if all follow here, in order; else consumes nothing. */
        boolean accept(String... words) {
            for (int k = 0; k < words.length; k++) {
                if (!peekIs(k, words[k])) {
                    return false;
                }
            }
            i += words.length;
            return true;
        }

        void acceptOther(String symbol) {
            if (peek().kind() == Kind.OTHER && peek().text().equals(symbol)) {
                i++;
            }
        }

        Optional<String> identifier() {
            if (!peek().isIdentifier()) {
                return Optional.empty();
            }
            return Optional.of(tokens.get(i++).name());
        }

        /** {@code name}, {@code schema.name} or {@code database.schema.name} (the database part dropped). */
        Optional<QualifiedName> name() {
            List<String> parts = new ArrayList<>();
            Optional<String> part = identifier();
            while (part.isPresent()) {
                parts.add(part.get());
                if (peek().kind() != Kind.DOT) {
                    break;
                }
                i++;
                part = identifier();
            }
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            String name = parts.get(parts.size() - 1);
            return Optional.of(parts.size() == 1 ? QualifiedName.unqualified(name)
                    : QualifiedName.of(parts.get(parts.size() - 2), name));
        }

        List<QualifiedName> nameList() {
            List<QualifiedName> names = new ArrayList<>();
            Optional<QualifiedName> n = name();
            while (n.isPresent()) {
                names.add(n.get());
                acceptOther("*");
                if (peek().kind() != Kind.COMMA) {
                    break;
                }
                i++;
                n = name();
            }
            return names;
        }

        /** Whether the word comes anywhere in what is left; consumes the rest. */
        boolean rest(String word) {
            boolean found = false;
            while (!done()) {
                found |= peek().is(word);
                i++;
            }
            return found;
        }

        void skipToNextTopLevelComma() {
            int depth = 0;
            while (!done()) {
                Kind k = peek().kind();
                i++;
                if (k == Kind.OPEN) {
                    depth++;
                } else if (k == Kind.CLOSE) {
                    depth--;
                } else if (k == Kind.COMMA && depth == 0) {
                    return;
                }
            }
        }
    }
}
