package dev.vigil.ops.workflow;

import dev.vigil.os.Poll;
import java.sql.Connection;
import java.time.Duration;

/** What the engine offers the work it runs: the cooperative cancel flag, and a way to be stopped at a timeout. */
public interface WorkflowContext {

    /** Outside any workflow (a status read, say): nothing cancels it, and the connections' own timeouts bound it. */
    WorkflowContext NONE = new WorkflowContext() {
        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public void abortOnTimeout(AutoCloseable resource) {
            // nothing to abort: no engine time limit applies
        }
    };

    /** The operator asked to stop: long waits should end early; the engine starts no further step. */
    boolean cancelRequested();

    /**
     * Closed by the engine if this piece of work outlives its time limit, so that a call blocked in it (a JDBC
     * read on a sick server, say) returns instead of holding the workflow.
     */
    void abortOnTimeout(AutoCloseable resource);

    /** The one way a workflow waits: {@link Poll} every {@code period} within {@code limit}, ended by this cancel. */
    default Poll poll(Duration period, Duration limit) {
        return Poll.every(period, limit).cancelledBy(this::cancelRequested);
    }

    /** Opens connections with {@code opener} and has each closed by the engine if this work outlives its limit. */
    default Poll.Opener aborting(Poll.Opener opener) {
        return () -> {
            Connection c = opener.open();
            abortOnTimeout(() -> c.abort(Runnable::run));
            return c;
        };
    }
}
