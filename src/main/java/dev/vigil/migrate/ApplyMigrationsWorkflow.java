package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.script.ScriptPlan;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guarded apply: the pending V-scripts, oldest first, each in one transaction with its history row in Flyway's
 * format, under the same guards as an undo: a short lock timeout with retries, a dry run first, and a watch that
 * cancels Vigil's own statement when it makes too many sessions wait for too long. A version without an undo
 * script is refused unless the operator overrides that.
 */
public final class ApplyMigrationsWorkflow extends MigrationWorkflow {
    private final Optional<MigrationVersion> upTo;
    private final boolean allowMissingUndo;
    private volatile List<ScriptPlan> pending = List.of();

    /**
     * @param upTo             apply no version newer than this; empty for every pending one
     * @param allowMissingUndo apply versions that have no undo script (a warning instead of a refusal)
     */
    public ApplyMigrationsWorkflow(MigrationTarget target, Optional<MigrationVersion> upTo, boolean allowMissingUndo) {
        super(target);
        this.upTo = upTo;
        this.allowMissingUndo = allowMissingUndo;
    }

    @Override
    public String title() {
        return "Apply pending migrations on " + target.node().name() + upTo.map(v -> " up to version " + v).orElse("");
    }

    @Override
    public String kind() {
        return "migration.apply";
    }

    @Override
    public Plan plan(Topology topology) {
        MigrationReading r = planning.reading();
        if (r == null) {
            pending = List.of();
            return new Plan(List.of());
        }
        List<ScriptPlan> plans = r.status().pending().stream()
                .filter(v -> upTo.map(u -> !v.version().isNewerThan(u)).orElse(true))
                .map(v -> ScriptPlan.of(v.migration().orElseThrow().apply(), r.serverVersionNum())).toList();
        pending = plans;
        return new Plan(plans.stream().map(p -> MigrationSteps.step(target, "Apply " + p.script().version() + " "
                + p.script().description(), p.script().location() + "; " + p.describe(), p,
                HistoryEntry.applied(p.script()), Optional.of(HistoryEntry.failed(p.script())))).toList());
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        MigrationReading r = planning.reading();
        if (r == null) {
            return List.of(MigrationChecks.unread(target, planning.unread()));
        }
        List<ScriptPlan> plans = pending;
        List<Check> checks = new ArrayList<>();
        checks.add(MigrationChecks.source(target, r));
        checks.add(MigrationChecks.history(target, r, true));
        checks.add(MigrationChecks.primary(target, topology));
        checks.add(MigrationChecks.unchanged(target, r));
        checks.add(Check.of("pending versions", ctx -> plans.isEmpty()
                ? CheckResult.fail("pending versions", "nothing to apply: the schema version is "
                + r.status().currentText(), "Nothing to do.")
                : CheckResult.pass("pending versions", MigrationText.and(plans.stream().map(p -> p.script().version()
                + " " + p.script().description()).toList()) + "; the schema version goes from "
                + r.status().currentText() + " to " + plans.get(plans.size() - 1).script().version())));
        checks.add(Check.of("no failed migration in the history", ctx -> noneFailed(r)));
        checks.add(Check.of("applied checksums", ctx -> appliedChecksums(r)));
        for (ScriptPlan p : plans) {
            checks.add(Check.of("undo script for " + p.script().version(), ctx -> undoFor(r, p)));
            checks.add(MigrationChecks.transactionMode(p));
            checks.add(MigrationChecks.destroyedData(target, p));
        }
        if (!plans.isEmpty()) {
            checks.add(MigrationChecks.dryRun(target, "dry run (rolled back)", plans,
                    plans.stream().map(p -> HistoryEntry.applied(p.script())).toList()));
        }
        return checks;
    }

    private CheckResult noneFailed(MigrationReading r) {
        String name = "no failed migration in the history";
        List<VersionStatus> failed = r.status().failed();
        if (failed.isEmpty()) {
            return CheckResult.pass(name, "none");
        }
        return CheckResult.fail(name, "version " + MigrationText.and(failed.stream().map(v -> v.version().toString())
                .toList()) + " failed halfway and is recorded so", "Finish or undo the failed version first (and "
                + "repair its history row), as Flyway would insist too.");
    }

    private CheckResult appliedChecksums(MigrationReading r) {
        String name = "applied checksums";
        List<String> changed = r.status().versions().stream().filter(v -> v.checksumMatches().filter(m -> !m).isPresent())
                .map(v -> v.migration().orElseThrow().apply().fileName()).toList();
        if (changed.isEmpty()) {
            return CheckResult.pass(name, "every applied script still has the checksum it was applied with");
        }
        return CheckResult.warn(name, "changed since they were applied: " + String.join(", ", changed)
                + " (flyway validate would fail)", "Restore the applied scripts, or acknowledge to go on.");
    }

    private CheckResult undoFor(MigrationReading r, ScriptPlan p) {
        String name = "undo script for " + p.script().version();
        Optional<MigrationScript> undo = r.source().undo(p.script().version());
        if (undo.isPresent()) {
            return CheckResult.pass(name, undo.get().location());
        }
        String evidence = "no U" + p.script().version() + "__*.sql: once applied, version " + p.script().version()
                + " cannot be rolled back by Vigil";
        String fix = "Write U" + p.script().version() + "__" + p.script().description().replace(' ', '_') + ".sql";
        return allowMissingUndo ? CheckResult.warn(name, evidence + " (allowed by the operator)", fix
                + ", or acknowledge to apply it without one.") : CheckResult.fail(name, evidence, fix
                + ", or allow applying without an undo script.");
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        MigrationReading r = planning.reading();
        List<ScriptPlan> plans = pending;
        if (r == null || plans.isEmpty()) {
            return "Nothing is applied.";
        }
        Guards g = target.settings().guards();
        return "Apply " + MigrationText.plural(plans.size(), "migration", "migrations") + " on " + target.node().name()
                + " of cluster " + target.cluster().name() + ", oldest first: " + MigrationText.and(plans.stream()
                .map(p -> p.script().fileName()).toList()) + ". The schema version goes from "
                + r.status().currentText() + " to " + plans.get(plans.size() - 1).script().version() + ". Each runs "
                + "with its history row in one transaction (" + g.describe() + "). While it runs Vigil watches the "
                + "sessions waiting on it and cancels its own statement if more than "
                + MigrationText.plural(g.blockedLimit(), "session waits", "sessions wait") + " for longer than " + MigrationText.duration(g.blockedFor()) + "; a cancelled or failed "
                + "migration is rolled back and stops the run, the ones before it stay applied.";
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        MigrationReading r = planning.reading();
        List<Check> checks = new ArrayList<>();
        if (r == null) {
            return checks;
        }
        List<ScriptPlan> plans = pending;
        List<StepRecord> done = attempted.stream().filter(StepRecord::done).toList();
        Optional<MigrationVersion> expected = done.isEmpty() ? r.status().current()
                : Optional.of(plans.get(done.get(done.size() - 1).number() - 1).script().version());
        checks.add(MigrationChecks.versionNow(target, r.source(), expected));
        for (StepRecord s : done) {
            ScriptPlan p = plans.get(s.number() - 1);
            checks.add(MigrationChecks.recorded(target, p.script().version(), false));
            if (!p.creates().isEmpty()) {
                checks.add(MigrationChecks.catalog(target, "what " + p.script().fileName() + " creates is there",
                        p.creates(), true, ""));
            }
        }
        checks.add(MigrationChecks.noSessionWaits(target));
        return checks;
    }

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                    List<CheckResult> verification) {
        List<String> next = new ArrayList<>();
        attempted.stream().filter(s -> !s.done()).findFirst().ifPresent(s -> {
            String version = pending.get(s.number() - 1).script().version().toString();
            switch (s.facts().getOrDefault("result", "")) {
                case "WATCH_CANCELLED" -> next.add("Version " + version + " made live traffic wait and was cancelled "
                        + "and rolled back. Find what holds the table (Locks view), or apply it at a quieter time, or "
                        + "rewrite it to take weaker locks (e.g. CREATE INDEX CONCURRENTLY, NOT VALID constraints).");
                case "LOCK_TIMEOUT" -> next.add("Version " + version + " never got its lock" + Optional.ofNullable(
                        s.facts().get("waited_for")).map(w -> ": it waited for " + w).orElse("") + ". End that "
                        + "transaction or wait for it, then plan again.");
                default -> {
                    if (Boolean.parseBoolean(s.facts().getOrDefault("partly_applied", "false"))) {
                        next.add("Version " + version + " is partly applied and recorded as failed: finish or undo it "
                                + "by hand, then repair its history row.");
                    }
                }
            }
        });
        return next;
    }
}
