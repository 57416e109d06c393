package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.lab.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A broken clusters.yaml is never silent: status and watch exit 3 and print each problem as file:line. */
class ConfigurationProblemsExitTest {
    private static CliRun vigil(String... args) {
        return CliRun.vigil(args);
    }

    @Test
    void aBrokenConfigurationExitsThreeEvenWithAHealthyLabRunning() throws Exception {
        try (Lab lab = Lab.open()) {
            lab.createCluster("cfg", 0);
            Path config = Files.writeString(lab.dir().resolve("clusters.yaml"),
                    "clusters:\n  - name: prod\n    nodes\n      - name: db1\n");
            CliRun status = vigil("status", "--config", config.toString());
            assertThat(status.exit()).as(status.err()).isEqualTo(3);
            assertThat(status.out()).contains("cluster lab:cfg: primary pg1, 1/1 nodes up");
            assertThat(status.err()).contains("vigil status: the configuration has 1 problem")
                    .contains(config + ":3: error: not valid YAML: could not find expected ':'");

            CliRun json = vigil("status", "--json", "--config", config.toString());
            assertThat(json.exit()).isEqualTo(3);
            assertThat(Json.MAPPER.readTree(json.out()).get("inventoryProblems").get(0).asText()).startsWith(config + ":3:");

            CliRun watch = vigil("watch", "--count", "1", "--config", config.toString(), "--journal",
                    lab.dir().resolve("journal.jsonl").toString());
            assertThat(watch.exit()).isEqualTo(3);
            assertThat(watch.err()).contains("vigil watch: the configuration has 1 problem").contains(config + ":3:");
            assertThat(watch.out()).contains("lab:cfg");

            // The same file fixed: healthy again.
            Files.writeString(config, "clusters: []\n");
            CliRun fixed = vigil("status", "--cluster", "lab:cfg", "--config", config.toString());
            assertThat(fixed.exit()).as(fixed.err()).isZero();
        }
    }

    @Test
    void aBrokenConfigurationWithNothingElseToWatchExitsThreeNotTwo() throws Exception {
        Path dir = Files.createTempDirectory("vigil-cfg");
        Path config = Files.writeString(dir.resolve("clusters.yaml"), "clusters:\n  - name: x\n    nodse: []\n");
        CliRun status = vigil("status", "--cluster", "x", "--config", config.toString());
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.err()).contains(config + ":3: error: unknown key 'nodse'");
    }

    @Test
    void aNodeWithNothingListeningSaysSoWithTheFixInStatusAndWatch() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("vigil-down");
        Path config = Files.writeString(dir.resolve("clusters.yaml"), """
                clusters:
                  - name: gone
                    sslmode: disable
                    nodes:
                      - {name: db1, host: 127.0.0.1, port: %d}
                """.formatted(closed));
        CliRun status = vigil("status", "--cluster", "gone", "--config", config.toString());
        assertThat(status.exit()).as("warnings alone do not make it 3").isEqualTo(1);
        assertThat(status.out()).contains("DOWN").contains("nothing listening: connection to 127.0.0.1:" + closed
                + " refused (node db1). Start PostgreSQL on db1").doesNotContain("total=");

        CliRun watch = vigil("watch", "--cluster", "gone", "--count", "3", "--config", config.toString(), "--journal",
                dir.resolve("journal.jsonl").toString());
        assertThat(watch.exit()).isZero();
        assertThat(watch.out()).contains("db1 DOWN (nothing listening)");
        assertThat(watch.out().lines()).anySatisfy(l -> assertThat(l).contains("ALERT node-down [gone/db1]")
                .contains("is down (nothing listening) · nothing listening: connection to 127.0.0.1:" + closed));
    }
}
