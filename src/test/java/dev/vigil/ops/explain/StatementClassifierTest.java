package dev.vigil.ops.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementClassifierTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "select c.name, count(*) from shop.customers c join shop.orders o on o.customer_id = c.id group by 1",
        "VALUES (1, 'a'), (2, 'b')",
        "TABLE shop.orders",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "WITH recent AS (SELECT * FROM shop.orders WHERE created_at > now() - interval '1 day') SELECT count(*) FROM recent",
        "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t",
        "WITH t(a) AS MATERIALIZED (SELECT 1) SELECT * FROM t",
        "SELECT * FROM generate_series(1, 3) AS g(i)",
        "SELECT x::numeric(10, 2), y::varchar(20), CAST(z AS decimal(5, 1)) FROM t",
        "SELECT pg_catalog.lower(name) FROM shop.customers WHERE id IN (1, 2) AND EXISTS (SELECT 1)",
        "SELECT substring(name FROM 1 FOR 3) FROM shop.customers",
        "SELECT status, count(*) FILTER (WHERE total_cents > 0) OVER (PARTITION BY status) FROM shop.orders",
        "SELECT 'INSERT INTO x; DROP TABLE y' AS text, \"update\" FROM t",
        "SELECT $$ DELETE FROM t; $$, $tag$ ; UPDATE $tag$ FROM t",
        "SELECT 1 -- UPDATE t; DROP TABLE t",
        "SELECT /* DELETE /* nested; */ still comment; */ 1",
        "SELECT * FROM shop.orders;",
        "SELECT * FROM shop.orders ; ; -- trailing comment",
    })
    void readOnly(String sql) {
        ClassifiedStatement s = StatementClassifier.classify(sql);
        assertThat(s.kind()).as(s.reason()).isEqualTo(StatementKind.READ_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO shop.orders (customer_id, total_cents) VALUES (1, 100)",
        "UPDATE shop.orders SET status = 'x' WHERE id = 1",
        "delete from shop.orders where id = 1",
        "MERGE INTO shop.products p USING (VALUES (1)) v(id) ON p.id = v.id WHEN MATCHED THEN DELETE",
        "WITH gone AS (DELETE FROM shop.orders WHERE id = 1 RETURNING *) SELECT count(*) FROM gone",
        "SELECT * FROM shop.orders WHERE id = 1 FOR UPDATE",
        "SELECT * FROM shop.orders WHERE id = 1 FOR NO KEY UPDATE",
        "SELECT * FROM shop.orders FOR SHARE SKIP LOCKED",
        "SELECT * FROM shop.orders FOR KEY SHARE",
        "SELECT * INTO new_table FROM shop.orders",
        "SELECT nextval('shop.orders_id_seq')",
        "SELECT pg_terminate_backend(1234)",
        "SELECT shop.place_order(1, 2)",
        "SELECT myschema.lower(name) FROM t",
        "SELECT \"MyFunction\"(1)",
        "SELECT * FROM dblink('host=x', 'DELETE FROM t') AS t(a int)",
    })
    void writing(String sql) {
        ClassifiedStatement s = StatementClassifier.classify(sql);
        assertThat(s.kind()).as(s.reason()).isEqualTo(StatementKind.WRITING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "-- only a comment", ";",
        "CREATE TABLE t (id int)",
        "DROP TABLE shop.orders",
        "TRUNCATE shop.orders",
        "VACUUM shop.orders",
        "COPY shop.orders TO PROGRAM 'rm -rf /'",
        "EXPLAIN SELECT 1",
        "SET work_mem = '1GB'",
        "DO $$ BEGIN DELETE FROM t; END $$",
        "CALL shop.cleanup()",
        "EXECUTE prepared_one",
        "42",
    })
    void refusedAsNotAStatementVigilExplains(String sql) {
        assertThat(StatementClassifier.classify(sql).kind()).isEqualTo(StatementKind.REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1; SELECT 2",
        "SELECT 1; DROP TABLE shop.orders",
        "SELECT 'it''s'; DELETE FROM t",
        "SELECT E'\\''; DELETE FROM t",
        "SELECT \"a;\"\"b\" FROM t; COMMIT",
        "SELECT $x$ ; $x$; VACUUM",
        "SELECT 1 /* ; */; SELECT 2",
        "SELECT 1;\n-- comment\nSELECT 2",
    })
    void moreThanOneStatementIsRefused(String sql) {
        ClassifiedStatement s = StatementClassifier.classify(sql);
        assertThat(s.kind()).isEqualTo(StatementKind.REFUSED);
        assertThat(s.reason()).startsWith("More than one statement");
    }

    @Test
    void aBackslashEndsNoStandardString() {
        // standard_conforming_strings: '\' is a complete string, so the ';' after it ends the statement
        assertThat(StatementClassifier.classify("SELECT '\\'; DELETE FROM t").reason())
                .startsWith("More than one statement");
        // in an E'' string the backslash escapes the quote, so the ';' is inside the literal
        assertThat(StatementClassifier.classify("SELECT E'\\'; DELETE FROM t'").kind())
                .isEqualTo(StatementKind.READ_ONLY);
    }

    @Test
    void theStatementIsTheTextUpToItsSemicolonWithoutSurroundingSpace() {
        assertThat(StatementClassifier.classify("  SELECT 1 ;  ").statement()).isEqualTo("SELECT 1");
        assertThat(StatementClassifier.classify("\nSELECT ';' -- x\n").statement()).isEqualTo("SELECT ';' -- x");
    }

    @Test
    void placeholdersAreFoundOutsideLiteralsOnly() {
        assertThat(StatementClassifier.classify("SELECT * FROM shop.orders WHERE id = $1").hasPlaceholders())
                .isTrue();
        assertThat(StatementClassifier.classify("SELECT '$1', \"$2\", $$ $3 $$, a$1 FROM t").hasPlaceholders())
                .isFalse();
        assertThat(StatementClassifier.classify("SELECT 1 -- $1").hasPlaceholders()).isFalse();
    }

    @Test
    void reasonsNameWhatWasFound() {
        assertThat(StatementClassifier.classify("UPDATE t SET a = 1").reason()).isEqualTo("UPDATE writes rows.");
        assertThat(StatementClassifier.classify("SELECT * FROM t FOR NO KEY UPDATE").reason())
                .isEqualTo("SELECT … FOR NO KEY UPDATE locks the rows it reads.");
        assertThat(StatementClassifier.classify("WITH x AS (INSERT INTO t VALUES (1)) SELECT 1").reason())
                .isEqualTo("A data-modifying WITH: INSERT writes rows.");
        assertThat(StatementClassifier.classify("SELECT shop.place_order(1)").reason())
                .isEqualTo("Calls shop.place_order(), which Vigil cannot tell is free of side effects.");
        assertThat(StatementClassifier.classify("CREATE TABLE t (a int)").reason()).contains("'CREATE'");
        assertThat(StatementClassifier.classify("SELECT 1; SELECT 2").reason()).contains("character 9");
    }
}
