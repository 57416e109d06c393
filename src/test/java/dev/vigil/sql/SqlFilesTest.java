package dev.vigil.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every versioned query of every package: each constant of each {@link VersionedSql.Query} enum has a file for
 * each of its version variants, and names the catalog schema-qualified. The enums are found in the compiled
 * classes, so a new one is checked without being listed here.
 */
class SqlFilesTest {
    private static final String UNQUALIFIED_CATALOG =
            "(?<!pg_catalog\\.)\\bpg_(stat_activity|class|namespace|attribute|blocking_pids|backend_pid)\\b";

    private static List<Class<?>> found;

    /** Imported once for the class: reading every class file takes seconds. */
    private static synchronized List<Class<?>> queryEnums() {
        if (found == null) {
            found = importQueryEnums();
        }
        return found;
    }

    private static List<Class<?>> importQueryEnums() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vigil").stream()
                .filter(JavaClass::isEnum)
                .filter(c -> c.isAssignableTo(VersionedSql.Query.class))
                .<Class<?>>map(JavaClass::reflect)
                .sorted(Comparator.comparing(Class::getName))
                .toList();
    }

    static Stream<Named<VersionedSql.Query>> queries() {
        return queryEnums().stream().flatMap(e -> Arrays.stream(e.getEnumConstants()))
                .map(VersionedSql.Query.class::cast)
                .map(q -> Named.of(q.anchor().getSimpleName() + "." + q.name(), q));
    }

    @Test
    void everyPackagesQueriesAreFound() {
        assertThat(queryEnums()).extracting(Class::getSimpleName).as("the test must not pass on no queries")
                .contains("LabSql", "WorkloadSql", "MonitorSql", "OpsSql", "ExplainSql", "FailoverSql", "SessionSql",
                        "MigrateSql", "HistorySql", "InFlightSql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void everyQueryHasAFileForEachVersionVariant(VersionedSql.Query query) {
        for (String path : query.resourcePaths()) {
            assertThat(query.anchor().getClassLoader().getResource(path)).as(path).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void catalogReferencesAreSchemaQualified(VersionedSql.Query query) {
        IntStream.concat(IntStream.of(0), Arrays.stream(query.variantsSince())).forEach(since ->
                assertThat(query.sql(since)).as(query.name() + " since " + since)
                        .doesNotContainPattern(UNQUALIFIED_CATALOG));
    }
}
