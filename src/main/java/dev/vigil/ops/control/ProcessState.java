package dev.vigil.ops.control;

/** Whether a node's server process runs, and what that rests on ("pg_ctl status: no server running"). */
public record ProcessState(State state, String evidence) {
    public enum State { RUNNING, STOPPED, UNKNOWN }

    public static ProcessState running(String evidence) {
        return new ProcessState(State.RUNNING, evidence);
    }

    public static ProcessState stopped(String evidence) {
        return new ProcessState(State.STOPPED, evidence);
    }

    public static ProcessState unknown(String evidence) {
        return new ProcessState(State.UNKNOWN, evidence);
    }

    public boolean confirmedDown() {
        return state == State.STOPPED;
    }
}
