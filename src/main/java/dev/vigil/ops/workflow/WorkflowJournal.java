package dev.vigil.ops.workflow;

import dev.vigil.journal.Journal;
import dev.vigil.journal.JournalEntry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a workflow into the incident timeline, one forced line per moment: {@code action.plan},
 * {@code action.prechecks}, {@code action.confirmation}, {@code action.recheck}, {@code action.step.start} and
 * {@code action.step} for each step, {@code action.verify} and {@code action.outcome}. Every line carries the
 * run id, so one run reads as one story.
 */
final class WorkflowJournal {
    private final Journal journal;

    WorkflowJournal(Journal journal) {
        this.journal = journal;
    }

    void planned(Proposal p) {
        Map<String, String> ev = base(p);
        ev.put("topology", p.topology().describe());
        ev.put("consequence", p.consequence());
        for (int i = 1; i <= p.plan().size(); i++) {
            Step s = p.plan().step(i);
            ev.put(key("step", i), s.title() + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")") + " on " + s.node());
            ev.put(key("step", i) + ".command", s.command().display());
            ev.put(key("step", i) + ".timeout_ms", Long.toString(s.timeout().toMillis()));
        }
        append(p, "action.plan", "Planned: " + p.workflow().title() + " (" + p.plan().size() + " steps)", ev);
    }

    void checks(Proposal p, String kind, List<CheckResult> results) {
        Map<String, String> ev = base(p);
        putChecks(ev, results);
        append(p, kind, counts(kind.equals("action.recheck") ? "Re-checked before the first step" : "Prechecks", results)
                + ": " + p.workflow().title(), ev);
    }

    void confirmation(Proposal p, Confirmation c, String decision) {
        Map<String, String> ev = base(p);
        ev.put("operator", c.operator());
        ev.put("confirmed", Boolean.toString(c.confirmed()));
        ev.put("warnings_acknowledged", Boolean.toString(c.warningsAcknowledged()));
        if (p.typedConfirmationRequired()) {
            ev.put("typed_name_matches", Boolean.toString(p.confirmationWord().equals(c.typedName())));
        }
        append(p, "action.confirmation", decision + ": " + p.workflow().title(), ev);
    }

    void stepStarting(Proposal p, int number, Step s) {
        Map<String, String> ev = base(p);
        ev.put("step", Integer.toString(number));
        ev.put("command", s.command().display());
        ev.put("timeout_ms", Long.toString(s.timeout().toMillis()));
        append(p, s.node(), "action.step.start", "Step " + number + "/" + p.plan().size() + " starting: " + s.title(), ev);
    }

    void stepFinished(Proposal p, StepRecord r) {
        Map<String, String> ev = base(p);
        ev.put("step", Integer.toString(r.number()));
        ev.put("outcome", r.outcome().label());
        ev.put("detail", r.detail());
        ev.put("took_ms", Long.toString(r.took().toMillis()));
        r.facts().forEach((k, v) -> ev.put("fact." + k, v));
        append(p, r.node(), "action.step", "Step " + r.number() + "/" + p.plan().size() + " " + r.outcome().label()
                + ": " + r.title() + " — " + r.detail(), ev);
    }

    void verification(Proposal p, List<CheckResult> results) {
        Map<String, String> ev = base(p);
        putChecks(ev, results);
        append(p, "action.verify", counts("Verification", results) + ": " + p.workflow().title(), ev);
    }

    void outcome(WorkflowReport r) {
        Proposal p = r.proposal();
        Map<String, String> ev = base(p);
        ev.put("outcome", r.outcome().name());
        ev.put("steps_done", Integer.toString(r.done().size()));
        ev.put("steps_started", Integer.toString(r.steps().size()));
        ev.put("steps_not_started", Integer.toString(r.remaining().size()));
        for (int i = 0; i < r.nextActions().size(); i++) {
            ev.put(key("next", i + 1), r.nextActions().get(i));
        }
        append(p, "action.outcome", p.workflow().title() + ": " + r.outcome().label() + ". " + r.summary(), ev);
    }

    private void append(Proposal p, String kind, String summary, Map<String, String> evidence) {
        append(p, p.workflow().node().orElse(null), kind, summary, evidence);
    }

    private void append(Proposal p, String node, String kind, String summary, Map<String, String> evidence) {
        journal.append(new JournalEntry(Instant.now(), kind, p.workflow().cluster(), node, summary, evidence));
    }

    private static Map<String, String> base(Proposal p) {
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("run", p.runId());
        ev.put("workflow", p.workflow().kind());
        return ev;
    }

    private static void putChecks(Map<String, String> ev, List<CheckResult> results) {
        for (int i = 0; i < results.size(); i++) {
            CheckResult c = results.get(i);
            ev.put(key("check", i + 1), c.status() + " " + c.name() + ": " + c.evidence());
            if (!c.fix().isEmpty()) {
                ev.put(key("check", i + 1) + ".fix", c.fix());
            }
        }
    }

    private static String counts(String what, List<CheckResult> results) {
        long pass = results.stream().filter(c -> c.status() == CheckResult.Status.PASS).count();
        long warn = results.stream().filter(c -> c.status() == CheckResult.Status.WARN).count();
        long fail = results.stream().filter(c -> c.status() == CheckResult.Status.FAIL).count();
        return what + " " + pass + " pass, " + warn + " warn, " + fail + " fail";
    }

    /** Zero-padded so the journal's sorted evidence keeps the order: step.01 … step.10. */
    private static String key(String prefix, int number) {
        return String.format("%s.%02d", prefix, number);
    }
}
