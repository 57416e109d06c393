package dev.vigil.ops.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionSqlFilesTest {
    @ParameterizedTest
    @EnumSource(SessionSql.class)
    void everyQueryHasAFileForEachVersionVariant(SessionSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(SessionSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
