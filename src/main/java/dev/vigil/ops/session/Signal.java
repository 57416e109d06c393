package dev.vigil.ops.session;

/** What is sent to a backend: cancel its running query, or end the session. */
public enum Signal {
    CANCEL("session.cancel", SessionSql.CANCEL),
    TERMINATE("session.terminate", SessionSql.TERMINATE);

    private final String kind;
    private final SessionSql sql;

    Signal(String kind, SessionSql sql) {
        this.kind = kind;
        this.sql = sql;
    }

    /** The journal's name for it. */
    public String kind() {
        return kind;
    }

    /** The guarded signal: {@code $1} pid, {@code $2} backend_start; a row with {@code signalled} and {@code state}. */
    public String sql() {
        return sql.sql();
    }
}
