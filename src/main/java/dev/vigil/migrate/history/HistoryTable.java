package dev.vigil.migrate.history;

import dev.vigil.sql.Identifiers;

/**
 * Where Flyway keeps its history: {@code public.flyway_schema_history} unless the project configures Flyway's
 * {@code defaultSchema}/{@code schemas} or {@code table}.
 */
public record HistoryTable(String schema, String table) {
    public static final String DEFAULT_TABLE = "flyway_schema_history";

    public static HistoryTable defaults() {
        return new HistoryTable("public", DEFAULT_TABLE);
    }

    public static HistoryTable inSchema(String schema) {
        return new HistoryTable(schema, DEFAULT_TABLE);
    }

    /** For SQL text: {@code "public"."flyway_schema_history"}. */
    public String quoted() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    /** The names Flyway gives the primary key and the index it creates with the table. */
    String primaryKeyName() {
        return Identifiers.quote(table + "_pk");
    }

    String successIndexName() {
        return Identifiers.quote(table + "_s_idx");
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
