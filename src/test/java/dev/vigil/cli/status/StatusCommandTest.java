package dev.vigil.cli.status;

import dev.vigil.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Json;
import dev.vigil.lab.Lab;
import dev.vigil.lab.LabCluster;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** `vigil status` and `vigil watch` headless, against a running lab found as inventory. */
class StatusCommandTest {

    private static CliRun vigil(String... args) {
        return CliRun.vigil(args);
    }

    @Test
    void statusJsonShowsTheClusterAndExitsOneWhenANodeIsDown() throws Exception {
        try (Lab lab = Lab.open()) {
            LabCluster cluster = lab.createCluster("cli", 1);
            String[] args = {"status", "--cluster", "lab:cli", "--json", "--config", lab.dir().resolve("none.yaml").toString()};
            CliRun healthy = vigil(args);
            assertThat(healthy.exit()).as(healthy.err()).isZero();
            JsonNode report = Json.MAPPER.readTree(healthy.out());
            JsonNode c = report.get("clusters").get(0);
            assertThat(c.get("name").asText()).isEqualTo("lab:cli");
            assertThat(c.get("primary").asText()).isEqualTo("pg1");
            assertThat(c.get("splitBrain").asBoolean()).isFalse();
            List<JsonNode> nodes = StreamSupport.stream(c.get("nodes").spliterator(), false).toList();
            assertThat(nodes).extracting(n -> n.get("role").asText()).containsExactly("primary", "standby");
            JsonNode pg1 = nodes.get(0);
            // An idle lab: every transaction and statement is Vigil's own, and left out by default.
            assertThat(pg1.get("database").get("commitsPerSecond").asDouble()).isLessThan(0.5);
            assertThat(pg1.get("database").get("ownTransactionsPerSecond").asDouble()).isPositive();
            assertThat(java.time.Duration.parse(pg1.get("database").get("interval").asText()).toMillis())
                    .as("the window averaged over").isGreaterThanOrEqualTo(4750);
            assertThat(pg1.get("topStatements")).isEmpty();
            assertThat(pg1.get("replication").get("downstream").get(0).get("applicationName").asText()).isEqualTo("pg2");
            assertThat(pg1.get("replication").get("downstream").get(0).get("replayed").asText()).matches("[0-9A-F]+/[0-9A-F]+");
            assertThat(pg1.get("activity").get("clientSessions").isNumber()).isTrue();
            assertThat(pg1.get("unavailable").size()).as("every collector read, the health ones included").isZero();
            // the lab's shop tables take their ids from identity sequences that pg_monitor may not read
            assertThat(pg1.get("health")).anySatisfy(h -> {
                assertThat(h.get("kind").asText()).isEqualTo("sequences-unreadable");
                assertThat(h.get("fixSql").asText()).contains("GRANT SELECT ON ALL SEQUENCES IN SCHEMA \"shop\"");
            });
            assertThat(nodes.get(1).get("replication").get("receiver").get("status").asText()).isEqualTo("streaming");

            List<String> withSelfArgs = new java.util.ArrayList<>(List.of(args));
            withSelfArgs.add("--include-self");
            CliRun withSelf = vigil(withSelfArgs.toArray(String[]::new));
            JsonNode pg1WithSelf = Json.MAPPER.readTree(withSelf.out()).get("clusters").get(0).get("nodes").get(0);
            assertThat(pg1WithSelf.get("database").get("commitsPerSecond").asDouble()).isPositive();
            assertThat(pg1WithSelf.get("database").get("ownTransactionsPerSecond").asDouble()).isZero();
            assertThat(pg1WithSelf.get("topStatements")).isNotEmpty();
            CliRun text = vigil("status", "--cluster", "lab:cli", "--config", lab.dir().resolve("none.yaml").toString());
            // The label gives the window the rate really covers: 5 s, or a little more when a tick came late.
            assertThat(text.out()).contains("health NOTICE database shop:", "fix (not run): GRANT SELECT");
            assertThat(text.out()).contains("tx/s ").containsPattern("\\(5(\\.\\d)? s avg;").contains("Vigil's own");

            cluster.node("pg2").kill9();
            CliRun degraded = vigil(args);
            assertThat(degraded.exit()).isEqualTo(1);
            JsonNode pg2 = Json.MAPPER.readTree(degraded.out()).get("clusters").get(0).get("nodes").get(1);
            assertThat(pg2.get("state").asText()).isEqualTo("down");
            assertThat(pg2.get("error").asText()).isNotBlank();

            CliRun watch = vigil("watch", "--cluster", "lab:cli", "--count", "2", "--config",
                    lab.dir().resolve("none.yaml").toString(), "--journal", lab.dir().resolve("journal.jsonl").toString());
            List<String> lines = watch.out().lines().toList();
            assertThat(lines).filteredOn(l -> !l.contains(" ALERT ")).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("lab:cli").contains("pg1 P").contains("pg2 DOWN"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("ALERT node-down [lab:cli/pg2]"));
            assertThat(java.nio.file.Files.readString(lab.dir().resolve("journal.jsonl"))).contains("\"rule\":\"node-down\"");
        }
    }

    @Test
    void nothingToWatchExitsTwoAndSaysWhatToDo() {
        CliRun run = vigil("status", "--cluster", "no-such-cluster");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no cluster to show named no-such-cluster").contains("vigil lab up");
    }
}
