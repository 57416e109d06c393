package dev.vigil.migrate.inflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InFlightSqlFilesTest {
    @ParameterizedTest
    @EnumSource(InFlightSql.class)
    void everyQueryHasAFileForEachVersionVariant(InFlightSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(InFlightSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
