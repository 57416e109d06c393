package dev.vigil.cluster;

/**
 * Why a connection to a node failed, in the operator's terms: the class, what happened (naming the node, the
 * user and, for a refused login, where the password came from), and what to do about it. Made by
 * {@link ConnectionFailures#classify}; never carries a pool's internals.
 */
public record ConnectionFailure(Kind kind, String cause, String fix) {

    public enum Kind {
        AUTHENTICATION("authentication failed", true),
        REFUSED("nothing listening", false),
        TIMEOUT("no answer", false),
        UNKNOWN_HOST("unknown host", false),
        TLS("TLS failure", false),
        TOO_MANY_CONNECTIONS("too many connections", true),
        NO_DATABASE("database does not exist", true),
        STARTING_UP("starting up", true),
        SHUTTING_DOWN("shutting down", true),
        OTHER("connection failed", false);

        private final String label;
        private final boolean serverAnswered;

        Kind(String label, boolean serverAnswered) {
            this.label = label;
            this.serverAnswered = serverAnswered;
        }

        /** The short word for a badge or a status column: "authentication failed", "nothing listening". */
        public String label() {
            return label;
        }

        /** A PostgreSQL server answered (and refused): the node is not "unreachable". */
        public boolean serverAnswered() {
            return serverAnswered;
        }
    }

    /** "authentication failed: password authentication failed for user ... Fix: ..." on one line. */
    public String message() {
        return kind.label() + ": " + cause + ". " + fix;
    }

    /** The class a {@link #message()} names at its start, if it is one (a node's error is kept as that text). */
    public static java.util.Optional<Kind> kindOf(String message) {
        return java.util.Arrays.stream(Kind.values()).filter(k -> message.startsWith(k.label() + ": ")).findFirst();
    }

    /**
     * The short reason for a node that is not up: its class ("authentication failed", "nothing listening"), or
     * "down" for an error not classified. Never "unreachable" for a server that answered and refused.
     */
    public static String reason(String message) {
        return kindOf(message).map(Kind::label).orElse(message.isEmpty() ? "connecting" : "unreachable");
    }

    /** "down (authentication failed)" for a classified failure, else "unreachable": for "pg1 is ..." lines. */
    public static String notUp(String message) {
        return kindOf(message).map(k -> "down (" + k.label() + ")").orElse("unreachable");
    }

    @Override
    public String toString() {
        return message();
    }
}
