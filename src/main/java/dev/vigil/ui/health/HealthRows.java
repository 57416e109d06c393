package dev.vigil.ui.health;

import dev.vigil.monitor.ClusterSample;
import dev.vigil.monitor.ByteSize;
import dev.vigil.monitor.NodeSample;
import dev.vigil.monitor.health.CheckpointReading;
import dev.vigil.monitor.health.HealthFinding;
import dev.vigil.monitor.health.HealthFindings;
import dev.vigil.monitor.health.HealthReadings;
import dev.vigil.monitor.health.HealthThresholds;
import dev.vigil.monitor.health.HorizonSnapshot;
import dev.vigil.monitor.health.IndexSnapshot;
import dev.vigil.monitor.health.SizeReading;
import dev.vigil.monitor.health.VacuumSnapshot;
import dev.vigil.monitor.health.WalReading;
import dev.vigil.monitor.health.WraparoundSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the Health view shows, built from one cluster sample: the findings of every up node (or of the chosen
 * one), worst first, and the readings behind them. A late or down node's last readings are not shown as live:
 * its rows are left out and it is named among the nodes not read.
 */
record HealthRows(List<FindingRow> findings, List<WraparoundRow> wraparound, List<HolderRow> holders,
                  List<CheckpointRow> checkpoints, List<TableRow> tables, List<VacuumRow> vacuums, List<WalRow> wal,
                  List<SizeRow> sizes, List<String> notRead) {

    record FindingRow(String node, HealthFinding finding) {}

    record WraparoundRow(String node, WraparoundSnapshot.Database database) {}

    record HolderRow(String node, HorizonSnapshot.Holder holder) {}

    record CheckpointRow(String node, CheckpointReading reading) {}

    record TableRow(String node, VacuumSnapshot.Table table) {}

    record VacuumRow(String node, VacuumSnapshot.Running vacuum) {}

    record WalRow(String node, WalReading.Counters now, WalReading.Rate rate) {}

    /** A database or a table of the monitored database, with its growth per hour once a window exists. */
    record SizeRow(String node, String what, String name, long bytes, String detail,
                   Optional<SizeReading.Growth> growth) {}

    static HealthRows of(ClusterSample sample, String chosenNode, HealthThresholds thresholds) {
        List<FindingRow> findings = new ArrayList<>();
        List<WraparoundRow> wraparound = new ArrayList<>();
        List<HolderRow> holders = new ArrayList<>();
        List<CheckpointRow> checkpoints = new ArrayList<>();
        List<TableRow> tables = new ArrayList<>();
        List<VacuumRow> vacuums = new ArrayList<>();
        List<WalRow> wal = new ArrayList<>();
        List<SizeRow> sizes = new ArrayList<>();
        List<String> notRead = new ArrayList<>();
        Map<String, IndexSnapshot> indexes = new TreeMap<>();
        for (NodeSample n : sample.nodes()) {
            if (chosenNode != null && !n.node().equals(chosenNode)) {
                continue;
            }
            if (!n.status().isUp()) {
                notRead.add(n.node() + " (" + n.status().reachability().name().toLowerCase() + ")");
                continue;
            }
            HealthReadings r = HealthReadings.of(n);
            // indexes are judged across the nodes below: one a standby's queries use is not unused
            HealthFindings.of(r.withoutIndexes(), thresholds, sample.at())
                    .forEach(f -> findings.add(new FindingRow(n.node(), f)));
            r.indexes().ifPresent(i -> indexes.put(n.node(), i));
            r.wraparound().ifPresent(w -> w.databases().forEach(d -> wraparound.add(new WraparoundRow(n.node(), d))));
            r.horizon().ifPresent(h -> h.holders().forEach(x -> holders.add(new HolderRow(n.node(), x))));
            r.checkpoints().ifPresent(c -> checkpoints.add(new CheckpointRow(n.node(), c)));
            r.vacuum().ifPresent(v -> v.tables().forEach(t -> tables.add(new TableRow(n.node(), t))));
            r.vacuum().ifPresent(v -> v.running().forEach(x -> vacuums.add(new VacuumRow(n.node(), x))));
            n.upValue(SizeReading.class).ifPresent(z -> {
                z.now().databases().forEach(d -> sizes.add(new SizeRow(n.node(), "database", d.name(), d.bytes(), "",
                        z.databaseGrowth(d.name()))));
                z.now().tables().forEach(t -> sizes.add(new SizeRow(n.node(), "table", t.schema() + "." + t.name(),
                        t.totalBytes(), "heap+TOAST " + ByteSize.of(t.tableBytes()) + ", indexes "
                        + ByteSize.of(t.indexBytes()), z.tableGrowth(t.schema(), t.name()))));
            });
            r.wal().flatMap(WalReading::rate).ifPresent(w -> wal.add(new WalRow(n.node(), r.wal().get().now(), w)));
        }
        String where = indexes.size() == 1 ? indexes.keySet().iterator().next() : "every node";
        HealthFindings.indexesAcross(indexes).forEach(f -> findings.add(new FindingRow(where, f)));
        findings.sort(Comparator.comparing((FindingRow r) -> r.finding().level()).reversed());
        wraparound.sort(Comparator.comparingDouble((WraparoundRow r) -> r.database().share()).reversed());
        return new HealthRows(List.copyOf(findings), List.copyOf(wraparound), List.copyOf(holders),
                List.copyOf(checkpoints), List.copyOf(tables), List.copyOf(vacuums), List.copyOf(wal),
                List.copyOf(sizes), List.copyOf(notRead));
    }

    /** "2 critical, 1 warning, 3 notices", or empty when nothing is found. */
    String summary() {
        long critical = count(HealthFinding.Level.CRITICAL);
        long warning = count(HealthFinding.Level.WARNING);
        long notice = count(HealthFinding.Level.NOTICE);
        List<String> parts = new ArrayList<>();
        if (critical > 0) {
            parts.add(critical + " critical");
        }
        if (warning > 0) {
            parts.add(warning + (warning == 1 ? " warning" : " warnings"));
        }
        if (notice > 0) {
            parts.add(notice + (notice == 1 ? " notice" : " notices"));
        }
        return String.join(", ", parts);
    }

    HealthFinding.Level worst() {
        return findings.isEmpty() ? HealthFinding.Level.NOTICE : findings.get(0).finding().level();
    }

    private long count(HealthFinding.Level level) {
        return findings.stream().filter(r -> r.finding().level() == level).count();
    }
}
