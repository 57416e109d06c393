package dev.vigil.monitor;

import dev.vigil.monitor.activity.ActivityCollector;
import dev.vigil.monitor.database.DatabaseCollector;
import dev.vigil.monitor.health.CheckpointCollector;
import dev.vigil.monitor.health.HorizonCollector;
import dev.vigil.monitor.health.IndexCollector;
import dev.vigil.monitor.health.SequenceCollector;
import dev.vigil.monitor.health.SizeCollector;
import dev.vigil.monitor.health.VacuumCollector;
import dev.vigil.monitor.health.WalCollector;
import dev.vigil.monitor.health.WraparoundCollector;
import dev.vigil.monitor.lockwaits.LockWaitCollector;
import dev.vigil.monitor.replication.ReplicationCollector;
import dev.vigil.monitor.statements.StatementsCollector;
import java.util.List;

/** The collectors every node gets, at their default cadence; the health ones run every few ticks to minutes. */
public final class DefaultCollectors {
    private DefaultCollectors() {}

    public static List<Collector<?>> all() {
        return List.of(new ActivityCollector(), new DatabaseCollector(), new ReplicationCollector(), new LockWaitCollector(),
                new StatementsCollector(), new HorizonCollector(), new WraparoundCollector(), new IndexCollector(),
                new SequenceCollector(), new CheckpointCollector(), new VacuumCollector(), new WalCollector(),
                new SizeCollector());
    }
}
