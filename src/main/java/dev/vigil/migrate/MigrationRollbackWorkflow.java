package dev.vigil.migrate;

import dev.vigil.migrate.history.HistoryEntry;
import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.script.Creation;
import dev.vigil.migrate.script.ScriptPlan;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ops.workflow.Check;
import dev.vigil.ops.workflow.CheckResult;
import dev.vigil.ops.workflow.Outcome;
import dev.vigil.ops.workflow.Plan;
import dev.vigil.ops.workflow.Step;
import dev.vigil.ops.workflow.StepRecord;
import dev.vigil.ops.workflow.StepResult;
import dev.vigil.ops.workflow.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Undoes applied migrations newest first, down to a target version, each with its U-script in one guarded
 * transaction that also records the undo in Flyway's history. Prechecks: an undo script for every version, the
 * applied checksums, statements that cannot run in a transaction (and the plan that runs them outside one), the
 * data the undos destroy (counted), and a dry run in a transaction that is always rolled back. Verification: the
 * schema version, the history, the catalog (what the V-scripts created is gone, what the U-scripts create is
 * there), and no session waiting on Vigil.
 */
public final class MigrationRollbackWorkflow extends MigrationWorkflow {
    private final MigrationVersion to;
    private volatile List<Undo> undos = List.of();

    /** One version to undo, as planned. */
    record Undo(VersionStatus version, Optional<ScriptPlan> plan, Optional<HistoryEntry> entry) {
        String label() {
            return version.version() + (version.description().isEmpty() ? "" : " " + version.description());
        }
    }

    public MigrationRollbackWorkflow(MigrationTarget target, MigrationVersion to) {
        super(target);
        this.to = to;
    }

    @Override
    public String title() {
        return "Roll back migrations on " + target.node().name() + " to version " + to;
    }

    @Override
    public String kind() {
        return "migration.rollback";
    }

    @Override
    public boolean requiresTypedConfirmation() {
        return true;
    }

    /** The schema version the history will show when every undo is done. */
    Optional<MigrationVersion> expectedVersion() {
        MigrationReading r = planning.reading();
        if (r == null) {
            return Optional.empty();
        }
        return r.status().versions().stream().filter(v -> v.inEffect() && !v.version().isNewerThan(to)
                && v.state() != VersionStatus.State.FAILED).map(VersionStatus::version).max(Comparator.naturalOrder());
    }

    @Override
    public Plan plan(Topology topology) {
        MigrationReading r = planning.reading();
        if (r == null) {
            undos = List.of();
            return new Plan(List.of());
        }
        String type = target.settings().undoMarker().typeFor(r.history());
        List<Undo> list = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (VersionStatus v : r.status().toUndo(to)) {
            Optional<ScriptPlan> plan = v.undo().map(u -> ScriptPlan.of(u, r.serverVersionNum()));
            Optional<HistoryEntry> entry = v.undo().map(u -> new HistoryEntry(v.version(), v.description(), type,
                    u.fileName(), u.checksum(), true));
            Undo undo = new Undo(v, plan, entry);
            list.add(undo);
            if (plan.isPresent()) {
                steps.add(MigrationSteps.step(target, "Undo " + undo.label(), v.undo().get().location() + "; "
                        + plan.get().describe(), plan.get(), entry.get(), Optional.empty()));
            } else {
                steps.add(new Step("Undo " + undo.label(), "no undo script", target.node().name(),
                        dev.vigil.ops.workflow.Command.described("-- no U" + v.version() + "__*.sql: nothing to run"),
                        java.time.Duration.ofSeconds(1), ctx -> StepResult.failed("version " + v.version()
                        + " has no undo script; nothing was run")));
            }
        }
        this.undos = List.copyOf(list);
        return new Plan(steps);
    }

    @Override
    public List<Check> prechecks(Topology topology, Plan plan) {
        MigrationReading r = planning.reading();
        if (r == null) {
            return List.of(MigrationChecks.unread(target, planning.unread()));
        }
        List<Check> checks = new ArrayList<>();
        checks.add(MigrationChecks.source(target, r));
        checks.add(MigrationChecks.history(target, r, false));
        checks.add(MigrationChecks.primary(target, topology));
        checks.add(Check.of("versions to undo", ctx -> versionsToUndo(r)));
        checks.add(MigrationChecks.unchanged(target, r));
        List<Undo> list = undos;
        for (Undo u : list) {
            checks.add(Check.of("undo script for " + u.version().version(), ctx -> undoScript(u)));
            if (u.version().state() != VersionStatus.State.BASELINE) {
                checks.add(MigrationChecks.checksum(u.version()));
            }
            if (u.version().state() == VersionStatus.State.FAILED) {
                checks.add(Check.of("version " + u.version().version() + " applied completely", ctx -> CheckResult.warn(
                        "version " + u.version().version() + " applied completely", "its last run failed halfway "
                                + "(history row " + u.version().applied().map(HistoryRow::installedRank).orElse(0)
                                + "): the undo meets a half-applied state", "Read the undo script against what the "
                                + "failed run did; undo scripts written with IF EXISTS cope with it.")));
            }
            u.plan().ifPresent(p -> {
                checks.add(MigrationChecks.transactionMode(p));
                checks.add(MigrationChecks.destroyedData(target, p));
            });
        }
        List<ScriptPlan> plans = list.stream().flatMap(u -> u.plan().stream()).toList();
        List<HistoryEntry> entries = list.stream().flatMap(u -> u.entry().stream()).toList();
        if (!list.isEmpty() && plans.size() == list.size()) {
            checks.add(MigrationChecks.dryRun(target, "dry run of the undo" + (list.size() == 1 ? "" : "s")
                    + " (rolled back)", plans, entries));
        }
        return checks;
    }

    private CheckResult versionsToUndo(MigrationReading r) {
        String name = "versions to undo";
        List<Undo> list = undos;
        if (list.isEmpty()) {
            return CheckResult.fail(name, "nothing is applied above version " + to + ": the schema version is "
                    + r.status().currentText(), "Choose a target below the current version.");
        }
        return CheckResult.pass(name, MigrationText.and(list.stream().map(Undo::label).toList()) + ", newest first; "
                + "the schema version goes from " + r.status().currentText() + " to "
                + expectedVersion().map(MigrationVersion::toString).orElse("none"));
    }

    private CheckResult undoScript(Undo u) {
        String name = "undo script for " + u.version().version();
        if (u.plan().isEmpty()) {
            return CheckResult.fail(name, "no U" + u.version().version() + "__*.sql in " + target.source().describe()
                    + ": version " + u.label() + " cannot be undone", "Write U" + u.version().version() + "__"
                    + u.version().description().replace(' ', '_') + ".sql to undo it, or roll back to "
                    + u.version().version() + " or later.");
        }
        MigrationScript s = u.plan().get().script();
        return CheckResult.pass(name, s.location() + ", " + MigrationText.plural(u.plan().get().statements().size(),
                "statement", "statements") + ", checksum " + s.checksum());
    }

    @Override
    public String consequence(Topology topology, Plan plan) {
        MigrationReading r = planning.reading();
        List<Undo> list = undos;
        if (r == null || list.isEmpty()) {
            return "Nothing is undone.";
        }
        Guards g = target.settings().guards();
        String type = target.settings().undoMarker().typeFor(r.history());
        return "Undo " + MigrationText.plural(list.size(), "migration", "migrations") + " on " + target.node().name()
                + " of cluster " + target.cluster().name() + ", newest first: "
                + MigrationText.and(list.stream().map(Undo::label).toList()) + ". The schema version goes from "
                + r.status().currentText() + " to " + expectedVersion().map(MigrationVersion::toString).orElse("none")
                + ". Each undo runs with its history row in one transaction (" + g.describe() + "), so each is all or "
                + "nothing unless its prechecks say it has statements that cannot run in a transaction; a failed "
                + "undo stops the rollback, and the undos before it stay done. Data the undos destroy is listed in "
                + "the prechecks. Each undo is recorded in " + target.settings().history() + " as "
                + (type.startsWith("U") ? "an " : "a ") + type + " row"
                + (type.equals(HistoryRow.DELETE) ? ", which Flyway Community reads as 'pending again'" : "") + ".";
    }

    @Override
    public List<Check> verifications(Plan plan, List<StepRecord> attempted) {
        MigrationReading r = planning.reading();
        List<Check> checks = new ArrayList<>();
        if (r == null) {
            return checks;
        }
        boolean allDone = attempted.size() == plan.size() && attempted.stream().allMatch(StepRecord::done);
        if (allDone) {
            checks.add(MigrationChecks.versionNow(target, r.source(), expectedVersion()));
        }
        List<Creation> kept = keptBelowTarget(r, to); // parses every kept V-script: once, not per undo
        for (StepRecord s : attempted) {
            Undo u = undos.get(s.number() - 1);
            if (!s.done()) {
                continue;
            }
            checks.add(MigrationChecks.recorded(target, u.version().version(), true));
            List<Creation> created = new ArrayList<>(u.version().migration().map(m -> ScriptPlan.of(m.apply(),
                    r.serverVersionNum()).creates()).orElse(List.of()));
            created.removeAll(u.plan().map(ScriptPlan::creates).orElse(List.of()));
            created.removeAll(kept);
            checks.add(MigrationChecks.catalog(target, "what " + u.version().migration().map(m -> m.apply().fileName())
                    .orElse("version " + u.version().version()) + " created is gone", created, false,
                    "it creates no table, index, view, sequence or column that Vigil can look up; the history row is "
                            + "the evidence"));
            List<Creation> restored = u.plan().map(ScriptPlan::creates).orElse(List.of());
            if (!restored.isEmpty()) {
                checks.add(MigrationChecks.catalog(target, "what " + u.plan().get().script().fileName()
                        + " creates is there", restored, true, ""));
            }
        }
        checks.add(MigrationChecks.noSessionWaits(target));
        return checks;
    }

    /**
     * What the versions that stay applied create: an undone script may have re-created one of those (DROP and
     * CREATE again, or CREATE … IF NOT EXISTS), and undoing it must not make it disappear.
     */
    private static List<Creation> keptBelowTarget(MigrationReading r, MigrationVersion to) {
        return r.status().versions().stream().filter(v -> v.inEffect() && !v.version().isNewerThan(to))
                .flatMap(v -> v.migration().stream())
                .flatMap(m -> ScriptPlan.of(m.apply(), r.serverVersionNum()).creates().stream()).toList();
    }

    @Override
    public List<String> nextActions(Outcome outcome, List<StepRecord> attempted, List<Step> remaining,
                                    List<CheckResult> verification) {
        List<String> next = new ArrayList<>();
        List<StepRecord> done = attempted.stream().filter(StepRecord::done).toList();
        if (!done.isEmpty()) {
            next.add("Undone and recorded: " + MigrationText.and(done.stream().map(s -> undos.get(s.number() - 1)
                    .version().version().toString()).toList()) + ". Planning again to the same target starts from there.");
        }
        attempted.stream().filter(s -> !s.done()).findFirst().ifPresent(s -> {
            String waited = s.facts().getOrDefault("waited_for", "");
            if ("LOCK_TIMEOUT".equals(s.facts().get("result"))) {
                next.add("The undo of " + undos.get(s.number() - 1).version().version() + " never got its lock"
                        + (waited.isEmpty() ? "" : ": it waited for " + waited) + ". End that session's transaction "
                        + "(Sessions view) or wait until it ends, then plan again.");
            } else if (Boolean.parseBoolean(s.facts().getOrDefault("partly_applied", "false"))) {
                next.add("The undo of " + undos.get(s.number() - 1).version().version() + " is partly applied and not "
                        + "recorded: finish it by hand or fix the script, then plan again.");
            }
        });
        return next;
    }
}
