package dev.vigil.ops.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandAndFailuresTest {
    @Test
    void aCommandShowsItsSqlAsTheServerLogsItWithEachBoundValue() {
        Command c = Command.sql("SELECT f(a.pid) FROM t a WHERE a.pid = ? AND a.started = ? AND a.name = ?", 4242,
                Instant.parse("2026-01-02T03:04:05.123456Z"), "O'Brien");
        assertThat(c.display()).isEqualTo("""
                SELECT f(a.pid) FROM t a WHERE a.pid = $1 AND a.started = $2 AND a.name = $3
                -- $1 = 4242
                -- $2 = '2026-01-02T03:04:05.123456Z'
                -- $3 = 'O''Brien'""");
        assertThat(Command.described("pg_ctl promote -D /data").display()).isEqualTo("pg_ctl promote -D /data");
    }

    @Test
    void aRejectedStatementFailedButABrokenConnectionOrCancelIsUnknown() {
        assertThat(StepFailures.classify(new SQLException("permission denied", "42501")).outcome())
                .isEqualTo(StepOutcome.FAILED);
        assertThat(StepFailures.classify(new SQLException("An I/O error occurred", "08006")).outcome())
                .isEqualTo(StepOutcome.UNKNOWN);
        assertThat(StepFailures.classify(new SQLException("canceling statement due to statement timeout", "57014"))
                .outcome()).isEqualTo(StepOutcome.UNKNOWN);
        assertThat(StepFailures.classify(new SQLException("no state")).outcome()).isEqualTo(StepOutcome.UNKNOWN);
        assertThat(StepFailures.classify(new IllegalStateException("bug")).outcome()).isEqualTo(StepOutcome.UNKNOWN);
    }

    @Test
    void aCheckThatGotWorseIsNamed() {
        assertThat(WorkflowEngine.worsened(java.util.List.of(CheckResult.warn("a", "x", "y")),
                java.util.List.of(CheckResult.warn("a", "x", "y")))).isEmpty();
        assertThat(WorkflowEngine.worsened(java.util.List.of(CheckResult.warn("a", "x", "y")),
                java.util.List.of(CheckResult.fail("a", "gone", "y")))).hasValue("'a' went from WARN to FAIL (gone)");
        assertThat(WorkflowEngine.worsened(java.util.List.of(CheckResult.fail("a", "x", "y")),
                java.util.List.of(CheckResult.pass("a", "ok")))).isEmpty();
    }
}
