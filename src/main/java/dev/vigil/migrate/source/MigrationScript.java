package dev.vigil.migrate.source;

/**
 * One script of a migration source, read into memory: its name's meaning, its text as written, and Flyway's
 * checksum of that text.
 *
 * @param location where it was read from, for people ("db/migration/V1__init.sql")
 */
public record MigrationScript(ScriptName name, String location, String sql, int checksum) {

    public static MigrationScript of(ScriptName name, String location, String sql) {
        return new MigrationScript(name, location, sql, FlywayChecksum.of(sql));
    }

    public MigrationVersion version() {
        return name.version();
    }

    public String fileName() {
        return name.fileName();
    }

    public String description() {
        return name.description();
    }
}
