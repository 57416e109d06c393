package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeConfigTest {
    @Test
    void plainConninfoValuesStayBareOthersAreQuotedAndEscaped() {
        assertThat(NodeConfig.conninfoValue("/tmp/vigil-labs-root/x/replication.pgpass"))
                .isEqualTo("/tmp/vigil-labs-root/x/replication.pgpass");
        assertThat(NodeConfig.conninfoValue("/tmp/my labs/it's")).isEqualTo("'/tmp/my labs/it\\'s'");
        assertThat(NodeConfig.conninfoValue("a\\b")).isEqualTo("'a\\\\b'");
    }
}
