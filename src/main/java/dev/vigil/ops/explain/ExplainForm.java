package dev.vigil.ops.explain;

/**
 * The EXPLAIN statements Vigil sends: one of three fixed prefixes, followed by the operator's statement and
 * nothing else (ADR 0017).
 */
public enum ExplainForm {
    /** Plans the statement; SUMMARY adds the planning time. */
    PLAN("EXPLAIN (SUMMARY, FORMAT JSON) ", false),
    /** Plans a text with $n placeholders without values (PostgreSQL 16 and later). */
    GENERIC_PLAN("EXPLAIN (GENERIC_PLAN, SUMMARY, FORMAT JSON) ", false),
    /** Runs the statement and measures each node; always inside a transaction that is rolled back. */
    ANALYZE("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ", true);

    static final int GENERIC_PLAN_SINCE = 160000;

    private final String prefix;
    private final boolean executes;

    ExplainForm(String prefix, boolean executes) {
        this.prefix = prefix;
        this.executes = executes;
    }

    public String prefix() {
        return prefix;
    }

    /** Whether the statement runs, rather than only being planned. */
    public boolean executes() {
        return executes;
    }

    /** The one statement sent: this form's fixed prefix and the classified statement, verbatim. */
    String statementFor(ClassifiedStatement statement) {
        return prefix + statement.statement();
    }

    /** What to do with a request: a form and a transaction mode, or a refusal with its reason. */
    sealed interface Decision permits Run, Refuse {}

    record Run(ExplainForm form, boolean readOnlyTransaction) implements Decision {}

    record Refuse(String reason) implements Decision {}

    /**
     * Decides before anything is sent.
     *
     * @param simpleProtocol whether the connection sends statements with the simple query protocol, which
     *                       GENERIC_PLAN needs (see ADR 0017)
     */
    static Decision decide(ClassifiedStatement statement, ExplainRequest request, int serverVersionNum,
                           boolean simpleProtocol) {
        if (statement.isRefused()) {
            return new Refuse(statement.reason());
        }
        boolean analyze = request.mode() == ExplainRequest.Mode.ANALYZE_ROLLED_BACK;
        if (statement.hasPlaceholders()) {
            if (analyze) {
                return new Refuse("EXPLAIN ANALYZE runs the statement, and a text with $1 placeholders cannot run "
                        + "without values: GENERIC_PLAN, which plans such texts, cannot be combined with ANALYZE. "
                        + "Replace the placeholders with representative values to analyze it.");
            }
            if (serverVersionNum < GENERIC_PLAN_SINCE) {
                return new Refuse("PostgreSQL " + versionName(serverVersionNum) + " cannot plan a text with $1 "
                        + "placeholders: EXPLAIN (GENERIC_PLAN) needs PostgreSQL 16 or later. Enter a "
                        + "representative query with literal values instead.");
            }
            if (!simpleProtocol) {
                return new Refuse("EXPLAIN (GENERIC_PLAN) of a text with $1 placeholders needs the simple query "
                        + "protocol, and this connection uses the extended protocol, where the server would ask "
                        + "for values. Open it with preferQueryMode=simple, or enter literal values.");
            }
            return new Run(GENERIC_PLAN, true);
        }
        if (!analyze) {
            return new Run(PLAN, true);
        }
        if (statement.isWriting() && !request.writeConfirmed()) {
            return new Refuse("Not run: " + statement.reason() + " EXPLAIN ANALYZE executes the statement; "
                    + "confirm to run it in a transaction that is rolled back.");
        }
        return new Run(ANALYZE, !statement.isWriting());
    }

    /** 150014 → "15.14", 90624 → "9.6.24". */
    static String versionName(int serverVersionNum) {
        int major = serverVersionNum / 10000;
        if (major >= 10) {
            return major + "." + serverVersionNum % 10000;
        }
        return major + "." + serverVersionNum / 100 % 100 + "." + serverVersionNum % 100;
    }
}
