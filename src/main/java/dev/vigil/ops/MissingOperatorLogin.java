package dev.vigil.ops;

/** A cluster has no operator login configured, so no action may connect to it; the message says what to add. */
public final class MissingOperatorLogin extends Exception {
    private static final long serialVersionUID = 1L;

    public MissingOperatorLogin(String cluster) {
        super("Cluster " + cluster + " has no operator login for actions: monitoring uses the least-privileged "
                + "vigil_monitor role, and actions need a role of their own.");
    }

    /** What to add to the configuration, naming the cluster. */
    public static String fix(String cluster) {
        return "Add 'actions_user: <role>' to cluster " + cluster + " (or to 'defaults') in clusters.yaml, grant "
                + "that role what the action needs (for cancel and terminate: GRANT pg_signal_backend TO <role>), "
                + "and store its password in " + dev.vigil.libpq.Pgpass.defaultLabel() + " (mode 0600) or the keyring. "
                + "See docs/configuration.md.";
    }
}
