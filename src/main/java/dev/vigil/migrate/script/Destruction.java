package dev.vigil.migrate.script;

import java.util.Optional;

/** Data a statement destroys: a whole table, a column of one, every row of one, or a schema with its contents. */
public record Destruction(Kind kind, QualifiedName target, Optional<String> column, boolean cascade) {

    public enum Kind {
        DROP_TABLE("DROP TABLE"),
        DROP_COLUMN("DROP COLUMN"),
        TRUNCATE("TRUNCATE"),
        DROP_SCHEMA("DROP SCHEMA");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** "DROP COLUMN shop.orders.note", "TRUNCATE shop.orders" */
    public String describe() {
        return kind.sql() + " " + target + column.map(c -> "." + c).orElse("") + (cascade ? " CASCADE" : "");
    }
}
