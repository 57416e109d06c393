package dev.vigil.migrate.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementAnalyserTest {
    private static final int PG17 = 170006;

    private static AnalysedStatement one(String sql) {
        return one(sql, PG17);
    }

    private static AnalysedStatement one(String sql, int version) {
        List<AnalysedStatement> all = StatementAnalyser.analyse(sql, version);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY i ON t (a)", "create unique index concurrently if not exists i on t (a)",
            "DROP INDEX CONCURRENTLY IF EXISTS shop.i", "REINDEX INDEX CONCURRENTLY i", "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "REINDEX DATABASE shop", "REINDEX SCHEMA shop", "VACUUM (ANALYZE) shop.orders", "vacuum", "CREATE DATABASE x",
            "DROP DATABASE IF EXISTS x", "CREATE TABLESPACE ts LOCATION '/x'", "ALTER SYSTEM SET work_mem = '8MB'",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p", "DROP SUBSCRIPTION s",
            "ALTER SUBSCRIPTION s REFRESH PUBLICATION", "ALTER DATABASE shop SET TABLESPACE ts", "CLUSTER", "DISCARD ALL",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY"})
    void flagsWhatCannotRunInATransaction(String sql) {
        AnalysedStatement s = one(sql);
        assertThat(s.transactional()).isFalse();
        assertThat(s.outsideTransaction().orElseThrow()).contains("cannot run inside a transaction block");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX i ON t (a)", "DROP INDEX i", "REINDEX TABLE t", "ALTER TABLE t ADD COLUMN c int",
            "CLUSTER t USING i", "ALTER DATABASE shop SET work_mem = '8MB'", "DISCARD PLANS", "SELECT 'VACUUM'",
            "ALTER TYPE mood ADD VALUE 'meh'", "-- VACUUM\nSELECT 1", "ALTER TABLE p DETACH PARTITION p1"})
    void letsTheRestRunInATransaction(String sql) {
        assertThat(one(sql).transactional()).as(sql).isTrue();
    }

    @Test
    void addingAnEnumValueNeedsItsOwnTransactionOnlyBeforeVersion12() {
        assertThat(one("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh'", 110022).outsideTransaction())
                .hasValueSatisfying(r -> assertThat(r).contains("before PostgreSQL 12"));
        assertThat(one("ALTER TYPE mood ADD VALUE 'meh'", 120000).transactional()).isTrue();
    }

    @Test
    void aFailedConcurrentIndexBuildIsNotRetriedBecauseItLeavesAnInvalidIndex() {
        assertThat(one("CREATE INDEX CONCURRENTLY i ON t (a)").retrySafe()).isFalse();
        assertThat(one("REINDEX INDEX CONCURRENTLY i").retrySafe()).isFalse();
        assertThat(one("DROP INDEX CONCURRENTLY i").retrySafe()).isTrue();
        assertThat(one("ALTER TABLE t DROP COLUMN c").retrySafe()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "begin transaction", "START TRANSACTION", "COMMIT", "END", "ROLLBACK", "ABORT"})
    void flagsStatementsThatControlTheTransactionThemselves(String sql) {
        assertThat(one(sql).controlsTransaction()).isTrue();
    }

    @Test
    void namesEachTableADropDestroys() {
        AnalysedStatement s = one("DROP TABLE IF EXISTS shop.loyalty, \"Audit\".\"Log\", plain CASCADE");
        assertThat(s.destroys()).extracting(Destruction::describe).containsExactly("DROP TABLE shop.loyalty CASCADE",
                "DROP TABLE Audit.Log CASCADE", "DROP TABLE plain CASCADE");
        assertThat(s.destroys().get(1).target().quoted()).isEqualTo("\"Audit\".\"Log\"");
        assertThat(s.destroys().get(2).target().quoted()).isEqualTo("\"plain\"");
    }

    @Test
    void namesTheColumnsAnAlterTableDrops() {
        AnalysedStatement s = one("ALTER TABLE IF EXISTS ONLY Shop.Orders DROP COLUMN note, DROP IF EXISTS \"Extra\" "
                + "CASCADE, DROP CONSTRAINT orders_ck, ALTER COLUMN status DROP DEFAULT, ALTER COLUMN s DROP NOT NULL, "
                + "ADD COLUMN loyalty int DEFAULT (1 + 2), ADD CONSTRAINT c CHECK (loyalty > 0)");
        assertThat(s.destroys()).extracting(Destruction::describe)
                .containsExactly("DROP COLUMN shop.orders.note", "DROP COLUMN shop.orders.Extra CASCADE");
        assertThat(s.destroys().get(0).target()).isEqualTo(QualifiedName.of("shop", "orders"));
        assertThat(s.creates()).extracting(Creation::describe).containsExactly("column shop.orders.loyalty");
    }

    @Test
    void namesTruncatedTablesAndDroppedSchemas() {
        assertThat(one("TRUNCATE TABLE ONLY a, shop.b RESTART IDENTITY CASCADE").destroys())
                .extracting(Destruction::describe).containsExactly("TRUNCATE a CASCADE", "TRUNCATE shop.b CASCADE");
        assertThat(one("TRUNCATE shop.c").destroys()).singleElement()
                .satisfies(d -> assertThat(d.cascade()).isFalse());
        assertThat(one("DROP SCHEMA IF EXISTS archive CASCADE").destroys()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Destruction.Kind.DROP_SCHEMA);
            assertThat(d.target().quoted()).isEqualTo("\"archive\"");
        });
    }

    @Test
    void destroysNothingWhenItDropsNoData() {
        for (String sql : List.of("DROP INDEX i", "DROP VIEW v", "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
                "ALTER TABLE t DROP CONSTRAINT k", "DELETE FROM t WHERE id = 1", "SELECT 'DROP TABLE t'")) {
            assertThat(one(sql).destroys()).as(sql).isEmpty();
        }
    }

    @Test
    void namesWhatAStatementCreates() {
        List<AnalysedStatement> s = StatementAnalyser.analyse("""
                CREATE TABLE IF NOT EXISTS shop.loyalty (id int);
                CREATE UNLOGGED TABLE scratch (id int);
                CREATE TEMP TABLE tmp (id int);
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS loyalty_idx ON shop.loyalty (id);
                CREATE INDEX ON shop.loyalty (id);
                CREATE OR REPLACE VIEW shop.v AS SELECT 1;
                CREATE MATERIALIZED VIEW shop.mv AS SELECT 1;
                CREATE SEQUENCE shop.seq;
                ALTER TABLE shop.orders ADD note text;
                """, PG17);
        assertThat(s.stream().flatMap(a -> a.creates().stream()).map(Creation::describe)).containsExactly(
                "table shop.loyalty", "table scratch", "index shop.loyalty_idx", "view shop.v",
                "materialized view shop.mv", "sequence shop.seq", "column shop.orders.note");
        assertThat(s.get(3).creates().get(0).relation()).isEqualTo(QualifiedName.of("shop", "loyalty_idx"));
        assertThat(s.get(0).creates().get(0).column()).isEqualTo(Optional.empty());
    }
}
