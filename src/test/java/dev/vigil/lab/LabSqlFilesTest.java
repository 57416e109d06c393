package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabSqlFilesTest {
    @ParameterizedTest
    @EnumSource(LabSql.class)
    void everyQueryHasAFileForEachVersionVariant(LabSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(LabSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = LabSql.class, names = {"BACKUP_START", "BACKUP_STOP"})
    void backupFunctionsFollowTheirRenameIn15(LabSql query) {
        assertThat(query.sql(140010)).contains("pg_catalog.pg_st");
        assertThat(query.sql(150000)).contains("pg_catalog.pg_backup_");
        assertThat(query.sql(170006)).contains("pg_catalog.pg_backup_");
    }
}
