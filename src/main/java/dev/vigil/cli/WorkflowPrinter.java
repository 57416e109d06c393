package dev.vigil.cli;

import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Proposal;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.Topology;
import dev.vigil.ops.workflow.TopologyNode;
import dev.vigil.ops.workflow.Workflow;
import dev.vigil.ops.workflow.WorkflowEvent;
import dev.vigil.ops.workflow.WorkflowListener;
import dev.vigil.ops.workflow.WorkflowReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Prints a workflow as it goes, in the order an operator reads it: the topology now and as it will be, the plan
 * with each exact command, each precheck with its evidence and fix, the consequence; then, once confirmed, each
 * step as it starts and ends, the verification, the outcome and the next actions.
 */
final class WorkflowPrinter implements WorkflowListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final PrintWriter out;
    private final Workflow workflow;
    private Topology topology;
    private boolean recheckShown;
    private boolean printedPrechecksTitle;

    WorkflowPrinter(PrintWriter out, Workflow workflow) {
        this.out = out;
        this.workflow = workflow;
    }

    @Override
    public void on(WorkflowEvent event) {
        synchronized (out) {
            print(event);
            out.flush();
        }
    }

    private void print(WorkflowEvent event) {
        if (event instanceof WorkflowEvent.TopologyRead t) {
            topology = t.topology();
            out.println("Topology now (read " + time(t.topology()) + "):");
            nodes(t.topology());
        } else if (event instanceof WorkflowEvent.Planned p) {
            plan(p.plan());
        } else if (event instanceof WorkflowEvent.PrecheckFinished c) {
            if (c.recheck()) {
                recheck(c.result());
            } else {
                check(c.result(), firstCheck());
            }
        } else if (event instanceof WorkflowEvent.Prepared p) {
            out.println();
            out.println("Consequence: " + p.proposal().consequence());
            out.println(verdict(p.proposal()));
        } else if (event instanceof WorkflowEvent.PhaseStarted s && s.phase() == WorkflowEvent.Phase.EXECUTE) {
            out.println();
            out.println("Executing (the prechecks are re-run first):");
        } else if (event instanceof WorkflowEvent.PhaseStarted s && s.phase() == WorkflowEvent.Phase.VERIFY) {
            out.println("Verification:");
        } else if (event instanceof WorkflowEvent.StepStarted s) {
            out.printf("  %s [%d/%d] %s ...%n", now(), s.number(), s.total(), s.title());
        } else if (event instanceof WorkflowEvent.StepFinished f) {
            step(f.record());
        } else if (event instanceof WorkflowEvent.VerificationFinished v) {
            check(v.result(), false);
        } else if (event instanceof WorkflowEvent.Finished f) {
            report(f.report());
        }
    }

    private boolean firstCheck() {
        boolean first = !printedPrechecksTitle;
        printedPrechecksTitle = true;
        return first;
    }

    private void plan(Plan plan) {
        workflow.intended(topology, plan).ifPresent(after -> {
            out.println("After \"" + workflow.title() + "\":");
            nodes(after);
        });
        out.println();
        if (plan.size() == 0) {
            out.println("Plan: nothing can be planned (see the prechecks).");
            return;
        }
        out.println("Plan (" + plan.size() + (plan.size() == 1 ? " step" : " steps")
                + ", each with its time limit, run in this order):");
        for (int n = 1; n <= plan.size(); n++) {
            Step s = plan.step(n);
            out.printf("  %d. %s  [on %s, at most %s]%n", n, s.title(), s.node(), duration(s.timeout()));
            if (!s.detail().isBlank()) {
                out.println("     why: " + s.detail());
            }
            s.command().display().lines().forEach(l -> out.println("       " + l));
        }
    }

    private void check(CheckResult r, boolean first) {
        if (first) {
            out.println();
            out.println("Prechecks:");
        }
        out.printf("  [%s] %s: %s%n", r.status(), r.name(), r.evidence());
        if (!r.passed() && !r.fix().isBlank()) {
            out.println("         fix: " + r.fix());
        }
    }

    private void recheck(CheckResult r) {
        if (!recheckShown && !r.passed()) {
            out.println("  re-checked just before the first step:");
            recheckShown = true;
        }
        if (!r.passed()) {
            out.printf("  [%s] %s: %s%n", r.status(), r.name(), r.evidence());
        }
    }

    private void step(StepRecord r) {
        out.printf("  %s [%d] %s in %s: %s%n", now(), r.number(), r.outcome().label(), duration(r.took()), r.detail());
    }

    private void report(WorkflowReport r) {
        out.println();
        out.println("Outcome: " + r.outcome().name() + " (" + r.outcome().label() + "). " + r.summary());
        if (r.outcome().ranSteps() && !r.remaining().isEmpty()) {
            out.println("Not started:");
            int first = r.steps().size() + 1;
            for (int i = 0; i < r.remaining().size(); i++) {
                out.printf("  %d. %s%n", first + i, r.remaining().get(i).title());
            }
        }
        if (!r.nextActions().isEmpty()) {
            out.println("Next actions:");
            r.nextActions().forEach(a -> out.println("  - " + a));
        }
    }

    static String verdict(Proposal p) {
        if (p.blocked()) {
            List<String> failed = p.failures().stream().map(CheckResult::name).toList();
            return "BLOCKED: " + String.join(", ", failed) + " failed; nothing may run.";
        }
        long warnings = p.prechecks().stream().filter(c -> c.status() == CheckResult.Status.WARN).count();
        return warnings == 0 ? "Every precheck passed." : warnings + (warnings == 1 ? " warning" : " warnings")
                + " to acknowledge before it may run.";
    }

    private void nodes(Topology t) {
        if (t.nodes().isEmpty()) {
            out.println("  (no node could be read)");
        }
        for (TopologyNode n : t.nodes()) {
            out.println("  " + n.describe());
        }
    }

    private static String time(Topology t) {
        return TIME.format(t.readAt().atZone(ZoneId.systemDefault()));
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }

    static String duration(Duration d) {
        return d.toMillis() < 10_000 && d.toMillis() % 1000 != 0 ? d.toMillis() + " ms"
                : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** 0 succeeded or a clean dry run; 2 blocked, refused or declined; 3 failed, unknown, cancelled, not verified. */
    static int exitCode(WorkflowReport r) {
        Outcome o = r.outcome();
        return switch (o) {
            case SUCCEEDED -> GuidedAction.OK;
            case DRY_RUN -> r.proposal().blocked() ? GuidedAction.NOT_RUN : GuidedAction.OK;
            case DECLINED, BLOCKED, REFUSED -> GuidedAction.NOT_RUN;
            case FAILED, RESULT_UNKNOWN, CANCELLED, NOT_VERIFIED -> GuidedAction.FAILED;
        };
    }
}
