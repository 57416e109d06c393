package dev.vigil.cli.migrate;

import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.locks.InFlightMigration;
import dev.vigil.locks.InFlightMigrations;
import dev.vigil.locks.WaitForGraph;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.LockWaitCollector;
import dev.vigil.monitor.lockwaits.RelationNameCache;
import dev.vigil.ops.ActionConnections;
import dev.vigil.ops.workflow.StepFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a node's lock graph shows at one moment, read once through the monitoring login as the Locks view reads
 * it: sessions that look like a migration holding up others. A migration that blocks nobody is not in the
 * graph, and is not claimed either way.
 *
 * @param unread why the graph could not be read; empty when it was
 */
record MigrationsInFlight(List<InFlightMigration> suspects, Optional<String> unread) {
    /** What is looked for, for a "none" that says what it means. */
    static final String LOOKS_FOR = "no session that waits on nobody holds a SHARE-or-stronger table lock that "
            + "others wait on";
    private static final ActionConnections.Limits LIMITS = ActionConnections.Limits.within(Duration.ofSeconds(5));

    MigrationsInFlight {
        suspects = List.copyOf(suspects);
    }

    static MigrationsInFlight read(NodeEndpoint node, int serverVersionNum) {
        try (Connection c = ActionConnections.reader(node, LIMITS)) {
            LockWaitCollector collector = new LockWaitCollector();
            LockSnapshot snapshot = collector.complete(collector.collect(c, serverVersionNum),
                    RelationNameCache.of(dev.vigil.cluster.MonitorConnectionSettings.defaults(), node));
            return new MigrationsInFlight(InFlightMigrations.find(WaitForGraph.of(snapshot)), Optional.empty());
        } catch (SQLException | RuntimeException e) {
            return new MigrationsInFlight(List.of(), Optional.of(StepFailures.describe(e)));
        }
    }
}
