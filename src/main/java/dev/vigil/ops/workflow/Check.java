package dev.vigil.ops.workflow;

import java.time.Duration;

/**
 * A named check the engine runs with a time limit: a precheck before any step, or a verification after. A
 * check that throws or runs out of time fails, with that as its evidence.
 */
public interface Check {
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    String name();

    CheckResult run(WorkflowContext context) throws Exception;

    default Duration timeout() {
        return DEFAULT_TIMEOUT;
    }

    @FunctionalInterface
    interface Body {
        CheckResult run(WorkflowContext context) throws Exception;
    }

    static Check of(String name, Body body) {
        return of(name, DEFAULT_TIMEOUT, body);
    }

    static Check of(String name, Duration timeout, Body body) {
        return new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult run(WorkflowContext context) throws Exception {
                return body.run(context);
            }

            @Override
            public Duration timeout() {
                return timeout;
            }
        };
    }
}
