package dev.vigil.ui.migrations;

import dev.vigil.migrate.MigrationReading;
import dev.vigil.migrate.history.MigrationStatus;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.source.MigrationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the Migrations view offers now, each with why not: a rollback to one of the versions every undo on the
 * way down has a script for, and applying the pending versions up to one of them. Pure: made from the last
 * reading, the primary the monitor sees and whether the cluster is busy with another workflow.
 */
record MigrationOffers(Offer rollback, Offer apply, List<Choice> rollbackTargets, List<Choice> applyTargets) {

    /** Enabled, or not with the reason in words ("nothing is pending"). */
    record Offer(boolean enabled, String reason) {
        static Offer yes(String what) {
            return new Offer(true, what);
        }

        static Offer no(String why) {
            return new Offer(false, why);
        }
    }

    /**
     * A version to roll back to or apply up to, labelled for a picker.
     *
     * @param versions  what choosing it undoes (newest first) or applies (oldest first)
     * @param lacksUndo for an apply: a version it applies has no undo script
     */
    record Choice(MigrationVersion version, String label, List<MigrationVersion> versions, boolean lacksUndo) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final MigrationVersion BEFORE_ALL = MigrationVersion.parse("0");

    static MigrationOffers none(String why) {
        return new MigrationOffers(Offer.no(why), Offer.no(why), List.of(), List.of());
    }

    /**
     * @param reading the last reading; empty when there is none ({@code unread} says why)
     * @param primary the node migrations run on, when exactly one primary answers
     * @param busy    the workflow that holds the cluster now, if any
     * @param inFlight a migration that holds up traffic on the primary now ("pid 812 (flyway)"), if any
     */
    static MigrationOffers of(Optional<MigrationReading> reading, String unread, Optional<String> primary,
                              Optional<String> busy, Optional<String> inFlight) {
        if (primary.isEmpty()) {
            return none("no primary is reachable, and migrations run on the primary");
        }
        if (busy.isPresent()) {
            return none("the cluster is busy with " + busy.get());
        }
        if (inFlight.isPresent()) {
            // Its locks would make every guarded step time out; and what it half did is not in the history yet.
            return none("a migration is in flight on " + primary.get() + ", " + inFlight.get() + ": stop it first");
        }
        if (reading.isEmpty()) {
            return none(unread);
        }
        MigrationStatus status = reading.get().status();
        List<Choice> down = rollbackTargets(status);
        List<Choice> up = applyTargets(status);
        return new MigrationOffers(rollbackOffer(status, down), applyOffer(status, up), down, up);
    }

    private static Offer rollbackOffer(MigrationStatus status, List<Choice> targets) {
        List<VersionStatus> undoable = status.versions().stream()
                .filter(v -> v.inEffect() && v.state() != VersionStatus.State.BASELINE).toList();
        if (undoable.isEmpty()) {
            return Offer.no("no version is applied");
        }
        if (targets.isEmpty()) {
            VersionStatus newest = undoable.stream().max(Comparator.comparing(VersionStatus::version)).orElseThrow();
            return Offer.no("version " + newest.version() + " has no undo script (U" + newest.version()
                    + "__*.sql), so nothing below it can be reached");
        }
        return Offer.yes("undo applied versions, newest first, down to a version you choose");
    }

    private static Offer applyOffer(MigrationStatus status, List<Choice> targets) {
        if (!status.failed().isEmpty()) {
            return Offer.no("version " + status.failed().get(0).version() + " failed halfway: finish or undo it first");
        }
        if (targets.isEmpty()) {
            return Offer.no("nothing is pending: the schema is at version " + status.currentText());
        }
        return Offer.yes(targets.size() == 1 ? "apply version " + targets.get(0).version()
                : "apply the " + targets.size() + " pending versions, or the first ones");
    }

    /**
     * Each version below the current one that is in effect, and "before the first" when there is no baseline,
     * offered only when every version it undoes has an undo script: a target the workflow would refuse is not
     * worth a click.
     */
    static List<Choice> rollbackTargets(MigrationStatus status) {
        Optional<MigrationVersion> current = status.current();
        if (current.isEmpty()) {
            return List.of();
        }
        List<MigrationVersion> candidates = new ArrayList<>(status.versions().stream()
                .filter(v -> v.inEffect() && v.state() != VersionStatus.State.FAILED
                        && current.get().isNewerThan(v.version()))
                .map(VersionStatus::version).sorted(Comparator.reverseOrder()).toList());
        boolean baselined = status.versions().stream().anyMatch(v -> v.state() == VersionStatus.State.BASELINE);
        if (!baselined) {
            candidates.add(BEFORE_ALL);
        }
        List<Choice> choices = new ArrayList<>();
        for (MigrationVersion target : candidates) {
            List<VersionStatus> undone = status.toUndo(target);
            if (undone.isEmpty() || !undone.stream().allMatch(VersionStatus::hasUndo)) {
                break; // lower targets undo these too
            }
            List<MigrationVersion> versions = undone.stream().map(VersionStatus::version).toList();
            String what = "undoes " + String.join(", ", versions.stream().map(MigrationVersion::toString).toList());
            String label = target.equals(BEFORE_ALL) ? "before the first migration (" + what + ")"
                    : target + describe(status, target) + " (" + what + ")";
            choices.add(new Choice(target, label, versions, false));
        }
        return choices;
    }

    /** Each pending version, oldest first: applying up to it applies it and every pending one before it. */
    static List<Choice> applyTargets(MigrationStatus status) {
        List<VersionStatus> pending = status.pending();
        List<Choice> choices = new ArrayList<>();
        boolean lacksUndo = false;
        for (int i = 0; i < pending.size(); i++) {
            VersionStatus v = pending.get(i);
            lacksUndo |= !v.hasUndo();
            List<MigrationVersion> versions = pending.subList(0, i + 1).stream().map(VersionStatus::version).toList();
            String label = v.version() + (v.description().isEmpty() ? "" : " " + v.description())
                    + (i == 0 ? "" : " (applies " + String.join(", ", versions.stream()
                    .map(MigrationVersion::toString).toList()) + ")")
                    + (i == pending.size() - 1 && i > 0 ? " · every pending version" : "");
            choices.add(new Choice(v.version(), label, versions, lacksUndo));
        }
        return choices;
    }

    private static String describe(MigrationStatus status, MigrationVersion v) {
        return status.version(v).map(VersionStatus::description).filter(d -> !d.isEmpty()).map(d -> " " + d).orElse("");
    }
}
