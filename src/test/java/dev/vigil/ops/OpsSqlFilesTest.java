package dev.vigil.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpsSqlFilesTest {
    @ParameterizedTest
    @EnumSource(OpsSql.class)
    void everyQueryHasAFileForEachVersionVariant(OpsSql query) {
        for (String path : query.resourcePaths()) {
            assertThat(OpsSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
