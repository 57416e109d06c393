package dev.vigil.cluster.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.InventoryProblem;
import dev.vigil.cluster.PasswordLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A YAML syntax error names the line the operator must fix, not the token after it. */
class YamlErrorLineTest {
    @TempDir
    Path dir;

    private String error(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("clusters.yaml"), yaml);
        List<InventoryProblem> errors = InventoryFile.load(file, PasswordLookup.pgpass(dir.resolve("none")))
                .problems().stream().filter(p -> p.severity() == InventoryProblem.Severity.ERROR).toList();
        assertThat(errors).hasSize(1);
        return errors.get(0).toString().substring(file.toString().length());
    }

    @Test
    void aKeyWithoutItsColonIsReportedOnItsOwnLine() throws Exception {
        // SnakeYAML's problem mark is line 4 here (where it looked for the ':'); the key is on line 3.
        assertThat(error("clusters:\n  - name: a\n    nodes\n      - name: b\n"))
                .startsWith(":3: error: not valid YAML: could not find expected ':' (while scanning a simple key)")
                .contains("Nothing was loaded");
        assertThat(error("clusters:\n  - name: a\n    nodes:\n      - name: b\n    host x\n    port: 3\n"))
                .startsWith(":5: error: not valid YAML: could not find expected ':'");
    }

    @Test
    void anUnclosedQuoteOrBracketIsReportedWhereItOpens() throws Exception {
        assertThat(error("clusters:\n  - name: a\n    nodes:\n      - name: \"b\n        host: x\n"))
                .startsWith(":4: error: not valid YAML:");
        assertThat(error("clusters:\n  - name: a\n    nodes: [x, y\n    interval: 1s\n"))
                .startsWith(":3: error: not valid YAML: expected ',' or ']'");
    }

    @Test
    void errorsOnTheirOwnLineKeepIt() throws Exception {
        assertThat(error("clusters:\n  - name: a\n   nodes: []\n")).startsWith(":3: error: not valid YAML:");
        assertThat(error("clusters:\n  - name: a\n    host: x: y\n"))
                .startsWith(":3: error: not valid YAML: mapping values are not allowed here");
        assertThat(error("clusters:\n\t- name: a\n")).startsWith(":2: error: not valid YAML:");
    }
}
