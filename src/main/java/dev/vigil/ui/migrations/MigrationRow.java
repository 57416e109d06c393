package dev.vigil.ui.migrations;

import dev.vigil.migrate.MigrationReading;
import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.source.MigrationVersion;
import dev.vigil.ui.common.Format;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version as the Migrations view lists it: its state in words (the current one says so), when and by whom
 * it was applied (or undone), whether the script still has the checksum it was applied with, and whether it
 * can be undone.
 *
 * @param when     when the row that decides its state was written: the application, or (undone) the undo; empty
 *                 if never
 * @param script the V-script's file, or the one the history names when the folder no longer has it
 * @param applySql the V-script's text, when the folder has it
 * @param undoSql  the U-script's text, when there is one
 */
record MigrationRow(MigrationVersion version, String description, VersionStatus.State state, boolean current,
                    String stateText, String when, String by, String took, String checksum, String undo,
                    String script, Optional<String> applySql, Optional<String> undoScript, Optional<String> undoSql) {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** Every version of a reading, newest first: what comes next and where the schema stands are on top. */
    static List<MigrationRow> of(MigrationReading reading) {
        Optional<MigrationVersion> current = reading.status().current();
        return reading.status().versions().stream()
                .sorted(Comparator.comparing(VersionStatus::version).reversed())
                .map(v -> of(v, current.filter(v.version()::equals).isPresent(), undoRow(reading, v)))
                .toList();
    }

    static MigrationRow of(VersionStatus v, boolean current, Optional<HistoryRow> undone) {
        Optional<HistoryRow> decided = v.state() == VersionStatus.State.UNDONE ? undone : v.applied();
        return new MigrationRow(v.version(), v.description(), v.state(), current, stateText(v, current),
                decided.map(r -> WHEN.format(r.installedOn())).orElse(""),
                decided.map(HistoryRow::installedBy).orElse(""),
                v.applied().filter(r -> v.state() != VersionStatus.State.UNDONE)
                        .map(r -> Format.duration(java.time.Duration.ofMillis(r.executionTimeMillis()))).orElse(""),
                checksum(v), undo(v),
                v.migration().map(m -> m.apply().location()).or(() -> v.applied().map(HistoryRow::script)).orElse(""),
                v.migration().map(m -> m.apply().sql()), v.undo().map(u -> u.location()), v.undo().map(u -> u.sql()));
    }

    private static String stateText(VersionStatus v, boolean current) {
        String text = switch (v.state()) {
            case APPLIED -> "applied";
            case FAILED -> "FAILED halfway";
            case UNDONE -> "undone · pending";
            case PENDING -> "pending";
            case MISSING -> "applied · script missing";
            case BASELINE -> "baseline";
            case BELOW_BASELINE -> "below baseline · ignored";
        };
        return current ? "● current · " + text : text;
    }

    private static String checksum(VersionStatus v) {
        if (v.applied().isEmpty() || v.state() == VersionStatus.State.BASELINE) {
            return "";
        }
        if (v.state() == VersionStatus.State.UNDONE) {
            return "";
        }
        return v.checksumMatches().map(m -> m ? "matches" : "CHANGED")
                .orElse(v.migration().isEmpty() ? "no script" : "not recorded");
    }

    private static String undo(VersionStatus v) {
        if (v.state() == VersionStatus.State.BASELINE || v.state() == VersionStatus.State.BELOW_BASELINE) {
            return "";
        }
        return v.hasUndo() ? "available" : "none";
    }

    /** The newest undo row of an undone version: when it was undone, and by whom. */
    private static Optional<HistoryRow> undoRow(MigrationReading reading, VersionStatus v) {
        if (v.state() != VersionStatus.State.UNDONE) {
            return Optional.empty();
        }
        return reading.history().stream()
                .filter(r -> r.undoes() && r.success() && r.parsedVersion().filter(v.version()::equals).isPresent())
                .max(Comparator.comparingInt(HistoryRow::installedRank));
    }

    /** For tests and tooltips: "2 add product weight · applied". */
    @Override
    public String toString() {
        return version + " " + description + " · " + stateText;
    }
}
