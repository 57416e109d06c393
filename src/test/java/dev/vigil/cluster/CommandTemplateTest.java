package dev.vigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {
    private static final Map<String, String> VALUES = Map.of("node", "db1", "upstream_host", "db2.example",
            "upstream_port", "5433");

    @Test
    void placeholdersAreFoundAndFilledInsideAnArgument() {
        String argument = "--source-server=host={upstream_host} port={upstream_port} application_name={node}";
        assertThat(CommandTemplate.names(argument)).containsExactly("upstream_host", "upstream_port", "node");
        assertThat(CommandTemplate.fill(argument, VALUES))
                .isEqualTo("--source-server=host=db2.example port=5433 application_name=db1");
    }

    @Test
    void doubledBracesAreLiteralAndOtherBracesStayAsTheyAre() {
        assertThat(CommandTemplate.names("{{node}}")).isEmpty();
        assertThat(CommandTemplate.fill("{{node}}", VALUES)).isEqualTo("{node}");
        assertThat(CommandTemplate.fill("{{{node}}}", VALUES)).isEqualTo("{db1}");
        assertThat(CommandTemplate.fill("awk '{print $1}' ${HOME} {} {", VALUES)).isEqualTo("awk '{print $1}' ${HOME} {} {");
    }

    @Test
    void typosAreFoundAsNamesSoTheInventoryCanRefuseThem() {
        assertThat(CommandTemplate.names("{upstream-host}:{Node}:${PGDATA}")).containsExactly("upstream-host");
        assertThatThrownBy(() -> CommandTemplate.fill("{host}", VALUES)).hasMessageContaining("no value for {host}");
    }

    @Test
    void aValueIsNeverScannedForPlaceholdersOfItsOwn() {
        Map<String, String> hostile = Map.of("node", "db1", "upstream_host", "x{node}{{", "upstream_port", "1");
        assertThat(CommandTemplate.fill("{upstream_host}", hostile)).isEqualTo("x{node}{{");
    }
}
