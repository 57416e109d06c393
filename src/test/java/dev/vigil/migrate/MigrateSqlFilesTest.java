package dev.vigil.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrateSqlFilesTest {
    @ParameterizedTest
    @EnumSource(MigrateSql.class)
    void everyQueryHasAFileForEachVersionVariant(MigrateSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(MigrateSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
        assertThat(query.sql()).as("catalog references are schema-qualified").doesNotContainPattern(
                "(?<!pg_catalog\\.)\\bpg_(stat_activity|class|namespace|attribute|blocking_pids|backend_pid)\\b");
    }
}
