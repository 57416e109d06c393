package dev.vigil.cluster;

import java.util.Optional;

/**
 * Who Vigil logs in as to change a cluster (cancel or terminate a session, later switch over): a role of its
 * own, never the least-privileged monitoring role. The password is looked up when an action needs it, from the
 * same chain as monitoring passwords, and never kept in the configuration.
 *
 * @param user the role named by {@code actions_user} in clusters.yaml; a lab's superuser for lab clusters
 */
public record OperatorAccess(String user, PasswordLookup passwords) {

    /** This role's password for one node (the node's host, port and database), if one is stored. */
    public Optional<PasswordLookup.Password> password(NodeEndpoint node) {
        return passwords.find(node.host(), node.port(), node.database(), user);
    }

    /** The same role, asking {@code more} (a prompt, say) for passwords the chain does not have. */
    public OperatorAccess orElse(PasswordLookup more) {
        return new OperatorAccess(user, PasswordLookup.chain(passwords, more));
    }

    /** What to add so a password is found for this node, for messages. */
    public String passwordHint(NodeEndpoint node) {
        return "a line '" + node.host() + ":" + node.port() + ":" + node.database() + ":" + user
                + ":<password>' in " + dev.vigil.libpq.Pgpass.label(passwords.passwordFile()
                .orElse(dev.vigil.libpq.Pgpass.defaultFile())) + " (mode 0600), or the keyring (secret-tool store --label=vigil service vigil"
                + " host " + node.host() + " port " + node.port() + " database " + node.database() + " user " + user + ")";
    }

    @Override
    public String toString() {
        return "OperatorAccess[" + user + ", passwords from " + passwords.describe() + "]";
    }
}
