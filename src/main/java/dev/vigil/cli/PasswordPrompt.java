package dev.vigil.cli;

import dev.vigil.cluster.ClusterDefinition;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.cluster.PasswordSource;
import dev.vigil.cluster.inventory.Inventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks for the passwords the password file did not have, once per user, host, port and database. What is typed
 * goes into the endpoints in memory, nowhere else.
 */
public final class PasswordPrompt {
    private PasswordPrompt() {}

    /** {@code ask} gets a prompt and returns what was typed (empty: the operator gave none). */
    public static Inventory fill(Inventory inventory, Function<String, Optional<char[]>> ask) {
        Map<String, Optional<String>> answers = new HashMap<>();
        List<ClusterDefinition> clusters = inventory.clusters().stream().map(c -> c.withNodes(
                c.nodes().stream().map(n -> n.passwordSource() != PasswordSource.NONE ? n : answers
                        .computeIfAbsent(n.user() + "@" + n.address() + "/" + n.database(), who -> ask.apply(
                                "Password for " + who + " (cluster " + c.name() + ", node " + n.name() + "): ")
                                .map(String::new))
                        .map(p -> new NodeEndpoint(n.name(), n.host(), n.port(), n.database(), n.user(), p,
                                PasswordSource.PROMPT, n.ssl(), n.jdbcProperties()))
                        .orElse(n)).toList())).toList();
        return new Inventory(clusters, inventory.problems(), inventory.alertOverrides());
    }

    /** The terminal's no-echo prompt; refuses clearly when there is no terminal. */
    public static Function<String, Optional<char[]>> console() {
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("--ask-password needs a terminal; put the passwords in "
                    + dev.vigil.libpq.Pgpass.defaultLabel() + " instead");
        }
        return prompt -> Optional.ofNullable(console.readPassword("%s", prompt)).filter(p -> p.length > 0);
    }
}
