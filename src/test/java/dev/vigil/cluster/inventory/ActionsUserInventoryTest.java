package dev.vigil.cluster.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.OperatorAccess;
import dev.vigil.cluster.PasswordLookup;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.libpq.Pgpass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator role for actions: from defaults or the cluster, its password from the same chain as monitoring's. */
class ActionsUserInventoryTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) throws Exception {
        Path pgpass = dir.resolve("pgpass");
        Pgpass.write(pgpass, List.of(new Pgpass.Entry("10.0.0.11", "5432", "*", "dba_ops", "s3cret"),
                new Pgpass.Entry("*", "*", "*", "vigil_monitor", "m0n")));
        Path file = dir.resolve("clusters.yaml");
        Files.writeString(file, yaml);
        return InventoryFile.load(file, PasswordLookup.pgpass(pgpass));
    }

    @Test
    void actionsUserComesFromDefaultsOrTheClusterAndItsPasswordFromThePasswordFile() throws Exception {
        Inventory inv = load("""
                defaults:
                  actions_user: dba_ops
                clusters:
                  - name: prod
                    nodes:
                      - {name: db1, host: 10.0.0.11}
                      - {name: db2, host: 10.0.0.12}
                  - name: staging
                    actions_user: stage_ops
                    nodes:
                      - {name: s1, host: 10.1.0.21}
                """);
        assertThat(inv.problems()).filteredOn(p -> p.severity() == InventoryProblem.Severity.ERROR).isEmpty();
        ClusterDefinition prod = inv.clusters().get(0);
        OperatorAccess ops = prod.actions().orElseThrow();
        assertThat(ops.user()).isEqualTo("dba_ops");
        assertThat(ops.password(prod.nodes().get(0))).hasValueSatisfying(p -> {
            assertThat(p.value()).isEqualTo("s3cret");
            assertThat(p.source()).isEqualTo(PasswordSource.PGPASS);
        });
        assertThat(ops.password(prod.nodes().get(1))).isEmpty();
        assertThat(ops.passwordHint(prod.nodes().get(1))).contains("'10.0.0.12:5432:postgres:dba_ops:<password>'");
        assertThat(inv.clusters().get(1).actions().orElseThrow().user()).isEqualTo("stage_ops");
        assertThat(prod.nodes().get(0).user()).as("monitoring keeps its own role").isEqualTo("vigil_monitor");
        assertThat(ops.toString()).doesNotContain("s3cret");
    }

    @Test
    void withoutActionsUserAClusterHasNoOperatorAndANodeCannotSetOne() throws Exception {
        Inventory inv = load("""
                clusters:
                  - name: watched
                    nodes:
                      - {name: db1, host: 10.0.0.11}
                  - name: per-node
                    nodes:
                      - name: db1
                        host: 10.0.0.11
                        actions_user: root
                """);
        assertThat(inv.clusters()).singleElement().satisfies(c -> assertThat(c.actions()).isEmpty());
        assertThat(inv.problems()).filteredOn(p -> p.severity() == InventoryProblem.Severity.ERROR)
                .singleElement().satisfies(p -> assertThat(p.toString()).contains(":9:")
                        .contains("unknown key 'actions_user' in a node"));
    }

    @Test
    void aPromptCanBeChainedAfterTheFile() throws Exception {
        ClusterDefinition prod = load("""
                clusters:
                  - name: prod
                    actions_user: other_ops
                    nodes:
                      - {name: db1, host: 10.0.0.11}
                """).clusters().get(0);
        List<String> prompts = new java.util.ArrayList<>();
        OperatorAccess ops = prod.actions().orElseThrow().orElse(PasswordLookup.asking(prompt -> {
            prompts.add(prompt);
            return java.util.Optional.of("typed".toCharArray());
        }));
        assertThat(ops.password(prod.nodes().get(0))).hasValueSatisfying(p -> {
            assertThat(p.value()).isEqualTo("typed");
            assertThat(p.source()).isEqualTo(PasswordSource.PROMPT);
        });
        assertThat(ops.password(prod.nodes().get(0))).isPresent();
        assertThat(prompts).containsExactly("Password for other_ops@10.0.0.11:5432/postgres: ");
    }
}
