package dev.vigil.cluster.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.ControlSettings.Kind;
import dev.vigil.cluster.ControlSettings.NodeCommands;
import dev.vigil.cluster.ControlSettings;
import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.PasswordLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code control:} mapping of a cluster: commands per node, checked key by key with file and line. */
class ControlInventoryTest {
    @TempDir
    Path dir;

    private Inventory load(String yaml) throws Exception {
        Path file = dir.resolve("clusters.yaml");
        Files.writeString(file, yaml);
        return InventoryFile.load(file, PasswordLookup.pgpass(dir.resolve("no-pgpass")));
    }

    private List<String> errors(Inventory inventory) {
        return inventory.problems().stream().filter(p -> p.severity() == InventoryProblem.Severity.ERROR)
                .map(InventoryProblem::toString).toList();
    }

    /** The 1-based line of the only line holding {@code marker}, so expected lines follow the text they point at. */
    private static int lineOf(String yaml, String marker) {
        List<String> lines = yaml.lines().toList();
        List<Integer> hits = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                hits.add(i + 1);
            }
        }
        assertThat(hits).as("lines holding %s", marker).hasSize(1);
        return hits.get(0);
    }

    /**
     * A clusters.yaml of one cluster 'c' with one node 'a' whose command control is {@code commandsOfA}, a flow
     * mapping that stands on line 7.
     */
    private static String oneNodeControl(String commandsOfA) {
        return """
                clusters:
                  - name: c
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a: %s
                """.formatted(commandsOfA);
    }

    @Test
    void aCommandClusterGetsItsArgumentVectorsAsWritten() throws Exception {
        Inventory inv = load("""
                clusters:
                  - name: prod
                    nodes:
                      - {name: db1, host: db1.example.com}
                      - {name: db2, host: db2.example.com}
                    control:
                      type: command
                      timeout: 90s
                      nodes:
                        db1:
                          stop: [ssh, db1, sudo, systemctl, stop, postgresql@17-main]
                          start: [ssh, db1, sudo, systemctl, start, postgresql@17-main]
                          status: [ssh, db1, sudo, -u, postgres, /usr/lib/postgresql/17/bin/pg_ctl, status, -D, /var/lib/postgresql/17/main]
                          make_standby: [ssh, db1, sudo, -u, postgres, touch, /var/lib/postgresql/17/main/standby.signal]
                          rewind: [ssh, db1, sudo, -u, postgres, /usr/lib/postgresql/17/bin/pg_rewind, -D, /var/lib/postgresql/17/main, "--source-server=host={upstream_host} port={upstream_port} user=rewinder dbname=postgres"]
                          reclone:
                            - ssh
                            - db1
                            - /usr/local/bin/reclone
                            - --from={upstream_host}:{upstream_port}
                          control_data:
                            - ssh
                            - "{node}"
                            - /usr/lib/postgresql/17/bin/pg_controldata
                            - /var/lib/postgresql/17/main
                  - name: watched
                    nodes: [{name: w1, host: w1}]
                  - name: paused
                    nodes: [{name: p1, host: p1}]
                    control:
                      type: none
                      nodes:
                        p1: {stop: [ssh, p1, sudo, systemctl, stop, postgresql]}
                """);
        assertThat(errors(inv)).isEmpty();
        ControlSettings prod = inv.clusters().get(0).control();
        assertThat(prod.kind()).isEqualTo(Kind.COMMAND);
        assertThat(prod.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(prod.nodes()).containsOnlyKeys("db1");
        NodeCommands db1 = prod.node("db1").orElseThrow();
        assertThat(db1.stop()).contains(List.of("ssh", "db1", "sudo", "systemctl", "stop", "postgresql@17-main"));
        assertThat(db1.rewind().orElseThrow()).last().isEqualTo(
                "--source-server=host={upstream_host} port={upstream_port} user=rewinder dbname=postgres");
        assertThat(db1.controlData().orElseThrow()).element(1).isEqualTo("{node}");
        assertThat(db1.fence()).isEmpty();
        assertThat(db1.reclone().orElseThrow()).as("in a block list, a placeholder inside a word needs no quotes").last()
                .isEqualTo("--from={upstream_host}:{upstream_port}");
        assertThat(prod.node("db2")).isEmpty();
        assertThat(inv.clusters().get(1).control()).isEqualTo(ControlSettings.NONE);
        ControlSettings paused = inv.clusters().get(2).control();
        assertThat(paused.kind()).as("type none switches the commands off").isEqualTo(Kind.NONE);
        assertThat(paused.timeout()).isEqualTo(ControlSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void eachMistakeNamesItsLineAndKeepsOnlyItsClusterOut() throws Exception {
        String yaml = """
                clusters:
                  - name: ok
                    nodes: [{name: a, host: a}]
                    control: {type: command, timeout: 10m, nodes: {a: {stop: [pg_ctl, stop]}}}
                  - name: typo
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      tiemout: 90s
                  - name: no-type
                    nodes: [{name: a, host: a}]
                    control:
                      nodes: {a: {stop: [no-type]}}
                  - name: bad-type
                    nodes: [{name: a, host: a}]
                    control: {type: patroni}
                  - name: empty
                    nodes: [{name: a, host: a}]
                    control: {type: command}
                  - name: stranger
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        db9: {stop: [x]}
                  - name: promote
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          promote: [pg_ctl, promote]
                  - name: line
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          stop: systemctl stop postgresql
                  - name: nothing
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          start: []
                  - name: nested
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          start: [ssh, [a, b]]
                  - name: bare
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          start: [ssh, {node}, start]
                  - name: unknown-placeholder
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          start: [ssh, "{host}", start]
                  - name: no-upstream
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          stop: [echo, "{upstream_host}"]
                  - name: no-program
                    nodes: [{name: a, host: a}]
                    control:
                      type: command
                      nodes:
                        a:
                          stop: ["  ", x]
                  - name: slow
                    nodes: [{name: a, host: a}]
                    control: {type: command, timeout: 2 days, nodes: {a: {stop: [x]}}}
                  - name: hasty
                    nodes: [{name: a, host: a}]
                    control: {type: command, timeout: 500ms, nodes: {a: {stop: [x]}}}
                  - name: shelly
                    nodes: [{name: a, host: "db1;reboot"}, {name: b, host: "[fe80::1%eth0]"}]
                    control: {type: command, nodes: {a: {stop: [shelly]}}}
                """;
        Inventory inv = load(yaml);
        assertThat(inv.clusters()).extracting(ClusterDefinition::name).containsExactly("ok");
        assertThat(inv.clusters().get(0).control().timeout()).isEqualTo(Duration.ofMinutes(10));
        String file = dir.resolve("clusters.yaml") + ":";
        String kept = "; this cluster is not loaded, the others are.";
        assertThat(errors(inv)).containsExactly(
                file + lineOf(yaml, "tiemout") + ": error: unknown key 'tiemout' in control (allowed: nodes, timeout, "
                        + "type)" + kept,
                file + lineOf(yaml, "[no-type]") + ": error: cluster 'no-type', control: "
                        + "'type' is required: 'command' (run the commands under 'nodes') or 'none'" + kept,
                file + lineOf(yaml, "patroni") + ": error: cluster 'bad-type', control: type 'patroni' is not one of "
                        + "command, none" + kept,
                file + lineOf(yaml, "control: {type: command}") + ": error: cluster 'empty', control: type 'command' "
                        + "needs 'nodes:' with the commands of at least one node" + kept,
                file + lineOf(yaml, "db9") + ": error: cluster 'stranger', control: 'db9' is not a node of this "
                        + "cluster (its nodes: a); use the names under the cluster's 'nodes:'" + kept,
                file + lineOf(yaml, "promote: [") + ": error: unknown key 'promote' in cluster 'promote', control of "
                        + "node 'a' (allowed: control_data, fence, make_standby, reclone, rewind, start, status, stop)"
                        + kept,
                file + lineOf(yaml, "systemctl stop postgresql") + ": error: cluster 'line', control of node 'a', "
                        + "'stop' must be a list of arguments such as [ssh, a, sudo, systemctl, stop, postgresql], not "
                        + "one string: commands run without a shell, so nothing would split a line into words" + kept,
                file + lineOf(yaml, "start: []") + ": error: cluster 'nothing', control of node 'a', 'start' must be "
                        + "a non-empty list of arguments" + kept,
                file + lineOf(yaml, "[a, b]") + ": error: cluster 'nested', control of node 'a', 'start': argument 2 "
                        + "is a list; each argument must be one string" + kept,
                file + lineOf(yaml, "[ssh, {node}, start]") + ": error: cluster 'bare', control of node 'a', 'start': "
                        + "argument 2 is a mapping, not a string. A placeholder on its own in a [...] list must be "
                        + "quoted: \"{node}\"" + kept,
                file + lineOf(yaml, "{host}") + ": error: cluster 'unknown-placeholder', control of node 'a', "
                        + "'start': unknown placeholder {host} (known: {node}, {upstream_host}, {upstream_port}; write "
                        + "{{ and }} for literal braces)" + kept,
                file + lineOf(yaml, "[echo, \"{upstream_host}\"]") + ": error: cluster 'no-upstream', control of node "
                        + "'a', 'stop': {upstream_host} has no value here; only make_standby, rewind and reclone have "
                        + "an upstream node" + kept,
                file + lineOf(yaml, "[\"  \", x]") + ": error: cluster 'no-program', control of node 'a', 'stop': the "
                        + "first argument, the program to run, is empty" + kept,
                file + lineOf(yaml, "2 days") + ": error: timeout '2 days' is not a duration like 500ms, 90s, 10m or "
                        + "1h" + kept,
                file + lineOf(yaml, "500ms") + ": error: timeout '500ms' is outside 1s to 24h" + kept,
                file + lineOf(yaml, "[shelly]") + ": error: cluster 'shelly', control: node 'a' has host "
                        + "'db1;reboot', which holds characters a shell would act on (a remote shell reads what ssh "
                        + "sends); give a host name, an IP address or a socket directory" + kept);
    }

    @Test
    void anUnquotedPlaceholderInsideAFlowListIsAYamlErrorThatSaysWhatToQuote() throws Exception {
        Inventory inv = load(oneNodeControl("{rewind: [pg_rewind, --source-server=host={upstream_host}]}"));
        assertThat(inv.clusters()).isEmpty();
        assertThat(errors(inv)).singleElement().asString().contains(":7: error: not valid YAML")
                .contains("quote each argument that holds a placeholder: \"--x={node}\"");
    }

    @Test
    void theExampleInTheDocumentationLoads() throws Exception {
        String doc = Files.readString(Path.of("docs", "configuration.md"));
        String yaml = java.util.Arrays.stream(doc.split("```yaml\n")).skip(1).map(b -> b.substring(0, b.indexOf("```")))
                .filter(b -> b.contains("control:")).findFirst().orElseThrow();
        Inventory inv = load(yaml);
        assertThat(errors(inv)).isEmpty();
        NodeCommands db1 = inv.clusters().get(0).control().node("db1").orElseThrow();
        assertThat(db1.rewind().orElseThrow()).last().isEqualTo(
                "--source-server='host={upstream_host} port={upstream_port} user=rewinder dbname=postgres'");
        assertThat(db1.makeStandby().orElseThrow()).endsWith("{upstream_host}", "{upstream_port}", "{node}");
        assertThat(inv.clusters().get(0).control().timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theDefaultsAreNoControlAndTheDefaultTimeout() throws Exception {
        Inventory inv = load(oneNodeControl("{status: [pg_ctl, status, -D, /data]}"));
        ControlSettings c = inv.clusters().get(0).control();
        assertThat(c.timeout()).isEqualTo(ControlSettings.DEFAULT_TIMEOUT);
        assertThat(c.node("a").flatMap(NodeCommands::status)).isEqualTo(Optional.of(List.of("pg_ctl", "status", "-D", "/data")));
        assertThat(inv.problems()).filteredOn(p -> p.severity() == InventoryProblem.Severity.ERROR).isEmpty();
    }
}
