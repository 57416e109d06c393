package dev.vigil.migrate.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptNameTest {

    @Test
    void readsVersionAndDescriptionFromAVersionedName() {
        ScriptName n = ScriptName.parse("V1_2__Add_loyalty_points.sql").orElseThrow();
        assertThat(n.kind()).isEqualTo(ScriptName.Kind.VERSIONED);
        assertThat(n.version()).isEqualTo(MigrationVersion.parse("1.2"));
        assertThat(n.version().toString()).isEqualTo("1.2");
        assertThat(n.description()).isEqualTo("Add loyalty points");
    }

    @Test
    void readsAnUndoName() {
        ScriptName n = ScriptName.parse("U3__drop_old__tables.sql").orElseThrow();
        assertThat(n.kind()).isEqualTo(ScriptName.Kind.UNDO);
        assertThat(n.version().toString()).isEqualTo("3");
        assertThat(n.description()).as("only the first __ separates").isEqualTo("drop old  tables");
    }

    @Test
    void leavesOutWhatIsNotAVersionedOrUndoScript() {
        for (String name : new String[] {"R__views.sql", "V1__x.txt", "V1_x.sql", "V__x.sql", "Va__x.sql", "README.md",
                "v1__lower.sql", "B1__baseline.sql", "V1.sql"}) {
            assertThat(ScriptName.parse(name)).as(name).isEmpty();
        }
    }
}
