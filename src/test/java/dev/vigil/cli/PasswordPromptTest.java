package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.cluster.SslSettings;
import dev.vigil.cluster.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPromptTest {
    private static NodeEndpoint node(String name, String host, PasswordSource source) {
        return new NodeEndpoint(name, host, 5432, "postgres", "vigil_monitor", source == PasswordSource.NONE ? "" : "x",
                source, SslSettings.PREFER, Map.of());
    }

    @Test
    void asksOncePerUserHostAndDatabaseOnlyForMissingPasswords() {
        Inventory inv = new Inventory(List.of(new ClusterDefinition("a", List.of(node("n1", "h1", PasswordSource.NONE),
                node("n2", "h2", PasswordSource.PGPASS))), new ClusterDefinition("b", List.of(
                node("m1", "h1", PasswordSource.NONE), node("m2", "h3", PasswordSource.NONE)))), List.of());
        List<String> asked = new ArrayList<>();
        Inventory filled = PasswordPrompt.fill(inv, prompt -> {
            asked.add(prompt);
            return prompt.contains("h3") ? Optional.empty() : Optional.of("typed".toCharArray());
        });
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0)).contains("vigil_monitor@h1:5432/postgres").doesNotContain("typed");
        NodeEndpoint n1 = filled.clusters().get(0).nodes().get(0);
        assertThat(n1.password()).isEqualTo("typed");
        assertThat(n1.passwordSource()).isEqualTo(PasswordSource.PROMPT);
        assertThat(filled.clusters().get(1).nodes().get(0).passwordSource()).isEqualTo(PasswordSource.PROMPT);
        assertThat(filled.clusters().get(0).nodes().get(1).passwordSource()).isEqualTo(PasswordSource.PGPASS);
        assertThat(filled.clusters().get(1).nodes().get(1).passwordSource()).isEqualTo(PasswordSource.NONE);
    }
}
