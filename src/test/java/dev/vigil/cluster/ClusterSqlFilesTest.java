package dev.vigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClusterSqlFilesTest {
    @ParameterizedTest
    @EnumSource(ClusterSql.class)
    void everyQueryHasAFileForEachVersionVariant(ClusterSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(ClusterSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
