package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MonitorSqlFilesTest {
    @ParameterizedTest
    @EnumSource(MonitorSql.class)
    void everyQueryHasAFileForEachVersionVariant(MonitorSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(MonitorSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
