package dev.vigil.cli.migrate;

import dev.vigil.locks.InFlightMigration;
import dev.vigil.migrate.MigrationReading;
import dev.vigil.migrate.MigrationTarget;
import dev.vigil.migrate.history.HistoryRow;
import dev.vigil.migrate.history.VersionStatus;
import dev.vigil.migrate.source.MigrationScript;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * `vigil migrate status` as data, for the text and the JSON form: each version as source and history say it
 * stands, what is pending, failed or without an undo script, what the folder holds that is not a migration, and
 * what the node's lock graph shows in flight.
 *
 * @param role          "primary" or "standby", as the node said when its history was read
 * @param schemaVersion the newest version in effect, "none" for an empty history
 * @param withoutUndo   versions applied or pending that have no undo script
 * @param problems      files in the folder that are not read as migrations, each with the reason
 */
record MigrationStatusReport(Instant readAt, String cluster, String node, String role, String source, String history,
                             boolean historyExists, String readAs, String schemaVersion, List<Version> versions,
                             List<String> pending, List<String> failed, List<String> withoutUndo, List<String> problems,
                             List<InFlightMigration> inFlight, Optional<String> inFlightUnread) {

    /**
     * One version.
     *
     * @param state           applied, failed, undone, pending, "applied, script missing", baseline, below baseline
     * @param checksumMatches whether the applied checksum is the V-script's now; empty when either is missing
     * @param script          the V-script, when the folder has it
     * @param undo            the U-script, when the folder has it
     */
    record Version(String version, String description, String state, Optional<Boolean> success,
                   Optional<Boolean> checksumMatches, Optional<Integer> appliedChecksum, Optional<Integer> fileChecksum,
                   Optional<String> script, Optional<String> undo, Optional<Instant> installedOn,
                   Optional<String> installedBy, Optional<Integer> executionMillis) {

        static Version of(VersionStatus v) {
            Optional<HistoryRow> row = v.applied();
            return new Version(v.version().toString(), v.description(), v.state().label(), row.map(HistoryRow::success),
                    v.checksumMatches(), row.flatMap(HistoryRow::checksum),
                    v.migration().map(m -> m.apply().checksum()), v.migration().map(m -> m.apply().location()),
                    v.undo().map(MigrationScript::location), row.map(HistoryRow::installedOn),
                    row.map(HistoryRow::installedBy), row.map(HistoryRow::executionTimeMillis));
        }
    }

    static MigrationStatusReport of(MigrationTarget target, MigrationReading r, MigrationsInFlight inFlight) {
        List<VersionStatus> all = r.status().versions();
        return new MigrationStatusReport(Instant.now(), target.cluster().name(), target.node().name(),
                r.inRecovery() ? "standby" : "primary", target.source().describe(),
                target.settings().history().toString(), r.historyExists(), r.login(), r.status().currentText(),
                all.stream().map(Version::of).toList(), versions(r.status().pending()), versions(r.status().failed()),
                versions(all.stream().filter(v -> !v.hasUndo() && (v.pending() || v.inEffect())
                        && v.state() != VersionStatus.State.BASELINE).toList()),
                r.source().problems(), inFlight.suspects(), inFlight.unread());
    }

    private static List<String> versions(List<VersionStatus> list) {
        return list.stream().map(v -> v.version().toString()).toList();
    }
}
