package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the lab's own SQL must do across versions; that every file exists is {@code sql.SqlFilesTest}'s. */
class LabSqlTest {
    @ParameterizedTest
    @EnumSource(value = LabSql.class, names = {"BACKUP_START", "BACKUP_STOP"})
    void backupFunctionsFollowTheirRenameIn15(LabSql query) {
        assertThat(query.sql(140010)).contains("pg_catalog.pg_st");
        assertThat(query.sql(150000)).contains("pg_catalog.pg_backup_");
        assertThat(query.sql(170006)).contains("pg_catalog.pg_backup_");
    }
}
