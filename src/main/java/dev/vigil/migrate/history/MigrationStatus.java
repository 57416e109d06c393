package dev.vigil.migrate.history;

import dev.vigil.migrate.source.Migration;
import dev.vigil.migrate.source.MigrationScript;
import dev.vigil.migrate.source.MigrationSet;
import dev.vigil.migrate.source.MigrationVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Source and history read together, the way Flyway's {@code info} reads them: each version's state (applied,
 * failed, undone, pending, applied without a script), whether its checksum still matches, whether it can be
 * undone, and the schema version now. Pure: the history is read elsewhere.
 */
public record MigrationStatus(List<VersionStatus> versions, Optional<MigrationVersion> current,
                              Optional<HistoryRow> lastRow) {
    public MigrationStatus {
        versions = List.copyOf(versions);
    }

    public static MigrationStatus of(MigrationSet source, List<HistoryRow> history) {
        Map<MigrationVersion, List<HistoryRow>> rows = new TreeMap<>();
        Optional<MigrationVersion> baseline = Optional.empty();
        for (HistoryRow r : history.stream().sorted(Comparator.comparingInt(HistoryRow::installedRank)).toList()) {
            Optional<MigrationVersion> v = r.parsedVersion();
            if (v.isEmpty()) {
                continue; // the schema-creation row, repeatable migrations
            }
            rows.computeIfAbsent(v.get(), k -> new ArrayList<>()).add(r);
            if (r.baseline() && r.success()) {
                baseline = v;
            }
        }
        Map<MigrationVersion, VersionStatus> all = new TreeMap<>();
        for (Map.Entry<MigrationVersion, List<HistoryRow>> e : rows.entrySet()) {
            Optional<Migration> m = source.find(e.getKey());
            all.put(e.getKey(), fromHistory(e.getKey(), e.getValue(), m, source.undo(e.getKey())));
        }
        for (Migration m : source.migrations()) {
            if (!all.containsKey(m.version())) {
                boolean below = baseline.map(b -> !m.version().isNewerThan(b)).orElse(false);
                all.put(m.version(), new VersionStatus(m.version(), m.description(), below
                        ? VersionStatus.State.BELOW_BASELINE : VersionStatus.State.PENDING, Optional.empty(),
                        Optional.of(m), m.undo(), Optional.empty()));
            }
        }
        Optional<MigrationVersion> current = all.values().stream()
                .filter(s -> s.state() != VersionStatus.State.FAILED && s.inEffect())
                .map(VersionStatus::version).max(Comparator.naturalOrder());
        Optional<HistoryRow> last = history.stream().max(Comparator.comparingInt(HistoryRow::installedRank));
        return new MigrationStatus(new ArrayList<>(all.values()), current, last);
    }

    private static VersionStatus fromHistory(MigrationVersion version, List<HistoryRow> rows, Optional<Migration> m,
                                             Optional<MigrationScript> undo) {
        VersionStatus.State state = VersionStatus.State.PENDING;
        HistoryRow applied = null;
        for (HistoryRow r : rows) {
            if (r.baseline()) {
                state = VersionStatus.State.BASELINE;
                applied = r;
            } else if (r.undoes()) {
                if (r.success()) {
                    state = VersionStatus.State.UNDONE;
                }
            } else if (r.applies()) {
                state = r.success() ? VersionStatus.State.APPLIED : VersionStatus.State.FAILED;
                applied = r;
            }
        }
        if (state == VersionStatus.State.APPLIED && m.isEmpty()) {
            state = VersionStatus.State.MISSING;
        }
        Optional<HistoryRow> a = Optional.ofNullable(applied);
        Optional<Boolean> matches = a.flatMap(HistoryRow::checksum).flatMap(sum -> m.map(x -> x.apply().checksum() == sum));
        String description = m.map(Migration::description).or(() -> a.map(HistoryRow::description)).orElse("");
        return new VersionStatus(version, description, state, a, m, undo, matches);
    }

    public Optional<VersionStatus> version(MigrationVersion v) {
        return versions.stream().filter(s -> s.version().equals(v)).findFirst();
    }

    /** Versions newer than {@code target} that are in effect, newest first: what a rollback to it undoes. */
    public List<VersionStatus> toUndo(MigrationVersion target) {
        return versions.stream().filter(s -> s.version().isNewerThan(target) && s.inEffect()
                && s.state() != VersionStatus.State.BASELINE)
                .sorted(Comparator.comparing(VersionStatus::version).reversed()).toList();
    }

    /** Versions waiting to be applied, oldest first. */
    public List<VersionStatus> pending() {
        return versions.stream().filter(VersionStatus::pending).toList();
    }

    public List<VersionStatus> failed() {
        return versions.stream().filter(s -> s.state() == VersionStatus.State.FAILED).toList();
    }

    /** In effect but without an undo script: these cannot be rolled back. */
    public List<VersionStatus> missingUndo() {
        return versions.stream().filter(s -> s.inEffect() && s.state() != VersionStatus.State.BASELINE && !s.hasUndo())
                .toList();
    }

    /** "1.3", or "none" for an empty history. */
    public String currentText() {
        return current.map(MigrationVersion::toString).orElse("none");
    }
}
