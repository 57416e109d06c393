package dev.vigil.ops;

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
}
