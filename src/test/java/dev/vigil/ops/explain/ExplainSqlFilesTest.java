package dev.vigil.ops.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExplainSqlFilesTest {
    @ParameterizedTest
    @EnumSource(ExplainSql.class)
    void everyStatementHasItsFile(ExplainSql sql) {
        for (String path : sql.resourcePaths()) {
            assertThat(ExplainSql.class.getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }
}
