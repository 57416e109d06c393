package dev.vigil.ops.workflow;

/**
 * The verdict of one named check (a precheck or a verification): pass, warn or fail, the evidence it rests on,
 * and what would fix it. A failed precheck blocks; a warning needs the operator's acknowledgement.
 */
public record CheckResult(String name, Status status, String evidence, String fix) {
    public enum Status { PASS, WARN, FAIL }

    public static CheckResult pass(String name, String evidence) {
        return new CheckResult(name, Status.PASS, evidence, "");
    }

    public static CheckResult warn(String name, String evidence, String fix) {
        return new CheckResult(name, Status.WARN, evidence, fix);
    }

    public static CheckResult fail(String name, String evidence, String fix) {
        return new CheckResult(name, Status.FAIL, evidence, fix);
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
