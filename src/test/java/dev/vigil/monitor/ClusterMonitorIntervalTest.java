package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sampling interval lives in the cluster's definition; the monitor takes it from there (issue 12 item 7). */
class ClusterMonitorIntervalTest {
    private static final NodeEndpoint PG1 = new NodeEndpoint("pg1", "127.0.0.1", 1, "postgres", "m", "p");

    @Test
    void theMonitorSamplesAtTheIntervalTheDefinitionGives() {
        ClusterDefinition shop = new ClusterDefinition("shop", List.of(PG1), Duration.ofMillis(500));
        try (ClusterMonitor monitor = new ClusterMonitor(shop, List.of())) {
            assertThat(monitor.settings().interval()).isEqualTo(Duration.ofMillis(500));
            assertThat(monitor.settings().statementTimeout()).isEqualTo(Duration.ofMillis(400));
            assertThat(monitor.settings().connectTimeout()).isEqualTo(MonitorConnectionSettings.defaults().connectTimeout());
        }
    }

    @Test
    void settingsForAnotherIntervalAreRefusedNotSilentlyPreferred() {
        ClusterDefinition shop = new ClusterDefinition("shop", List.of(PG1), Duration.ofMillis(500));
        assertThatThrownBy(() -> new ClusterMonitor(shop, MonitorConnectionSettings.defaults(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop").hasMessageContaining("500 ms").hasMessageContaining("1000 ms");
    }
}
