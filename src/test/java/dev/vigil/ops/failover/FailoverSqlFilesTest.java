package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailoverSqlFilesTest {
    @ParameterizedTest
    @EnumSource(FailoverSql.class)
    void everyQueryHasAFileForEachVersionVariant(FailoverSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(FailoverSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
