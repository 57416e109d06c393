package dev.vigil.migrate.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationVersionTest {

    @ParameterizedTest
    @CsvSource({"1, 2", "1.9, 1.10", "1_2, 1.3", "1, 1.0.1", "2, 10", "01.2, 1.3", "1.0, 1", "1.2.3, 1.2_3",
            "9999999999999999999999, 10000000000000000000000", "0, 0.0.0", "3.2, 3.10_1"})
    void comparesNumericallyPartByPartExactlyAsFlywayDoes(String a, String b) {
        MigrationVersion ours = MigrationVersion.parse(a);
        MigrationVersion theirs = MigrationVersion.parse(b);
        int flyway = org.flywaydb.core.api.MigrationVersion.fromVersion(a)
                .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b));
        assertThat(Integer.signum(ours.compareTo(theirs))).as(a + " vs " + b).isEqualTo(Integer.signum(flyway));
        assertThat(Integer.signum(theirs.compareTo(ours))).isEqualTo(-Integer.signum(flyway));
        assertThat(ours.equals(theirs)).isEqualTo(flyway == 0);
        if (flyway == 0) {
            assertThat(ours.hashCode()).isEqualTo(theirs.hashCode());
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "1_1", "01.2", "2.0.10", "1_2_3"})
    void keepsTheTextFlywayStoresInItsHistory(String version) {
        assertThat(MigrationVersion.parse(version).toString())
                .isEqualTo(org.flywaydb.core.api.MigrationVersion.fromVersion(version).getVersion());
    }

    @Test
    void sortsAsNumbersNotAsText() {
        List<MigrationVersion> sorted = java.util.stream.Stream.of("1.10", "1.9", "1.1", "10", "2")
                .map(MigrationVersion::parse).sorted().toList();
        assertThat(sorted).extracting(MigrationVersion::toString).containsExactly("1.1", "1.9", "1.10", "2", "10");
        assertThat(MigrationVersion.parse("1.10").isNewerThan(MigrationVersion.parse("1.9"))).isTrue();
    }

    @Test
    void refusesWhatIsNotAVersion() {
        for (String bad : List.of("", "1..2", ".1", "1.", "1a", "v1", "1-2")) {
            assertThatThrownBy(() -> MigrationVersion.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a version");
        }
    }
}
