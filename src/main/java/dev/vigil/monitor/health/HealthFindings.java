package dev.vigil.monitor.health;

import static dev.vigil.sql.Identifiers.literal;
import static dev.vigil.sql.Identifiers.quote;

import dev.vigil.monitor.ByteSize;
import dev.vigil.monitor.health.HealthFinding.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a node's health readings into findings, worst first. Pure: the thresholds decide, nothing is read. */
public final class HealthFindings {
    private HealthFindings() {}

    public static List<HealthFinding> of(HealthReadings r, HealthThresholds t, java.time.Instant now) {
        List<HealthFinding> all = new ArrayList<>();
        r.horizon().ifPresent(h -> all.addAll(horizon(h, t)));
        r.wraparound().ifPresent(w -> all.addAll(wraparound(w, t)));
        r.indexes().ifPresent(i -> all.addAll(indexes(i)));
        r.sequences().ifPresent(s -> all.addAll(sequences(s, t)));
        r.checkpoints().flatMap(c -> checkpoints(c, t)).ifPresent(all::add);
        r.vacuum().ifPresent(v -> all.addAll(vacuum(v, t, now)));
        all.sort((a, b) -> b.level().compareTo(a.level()));
        return List.copyOf(all);
    }

    static List<HealthFinding> vacuum(VacuumSnapshot v, HealthThresholds t, java.time.Instant now) {
        List<HealthFinding> found = new ArrayList<>();
        if (v.maxWorkers() > 0 && v.busyWorkers() >= v.maxWorkers()) {
            found.add(new HealthFinding(Level.WARNING, "autovacuum-saturated", "autovacuum", "all "
                    + v.maxWorkers() + " autovacuum workers are busy: other tables wait their turn",
                    "Let each worker do more (a higher cost limit), or allow more workers (needs a restart)",
                    Optional.of("ALTER SYSTEM SET autovacuum_vacuum_cost_limit = 1000; "
                            + "SELECT pg_catalog.pg_reload_conf();")));
        }
        for (VacuumSnapshot.Table table : v.tables()) {
            Optional<java.time.Instant> last = table.lastVacuumed();
            boolean stale = last.map(l -> Duration.between(l, now).compareTo(t.vacuumStale()) >= 0).orElse(true);
            if (table.deadRows() < t.deadRows() || table.deadShare() < t.deadShare() || !stale) {
                continue;
            }
            String name = quote(table.schema()) + "." + quote(table.name());
            found.add(new HealthFinding(Level.WARNING, "dead-rows", name, "table " + name + " has "
                    + table.deadRows() + " dead rows (" + percent(table.deadShare()) + " of its rows), last vacuumed "
                    + last.map(l -> duration(Duration.between(l, now)) + " ago").orElse("never"),
                    "Vacuum it; if it stays bloated, look for who holds the horizon back (above) and make "
                            + "autovacuum visit it sooner (autovacuum_vacuum_scale_factor for this table)",
                    Optional.of("VACUUM (VERBOSE, ANALYZE) " + name + ";")));
        }
        return found;
    }

    static List<HealthFinding> horizon(HorizonSnapshot snapshot, HealthThresholds t) {
        List<HealthFinding> found = new ArrayList<>();
        for (HorizonSnapshot.Holder h : snapshot.holders()) {
            boolean old = h.heldSeconds().map(s -> s >= t.horizonHeld().toSeconds()).orElse(false);
            boolean far = h.xminAge() >= t.horizonXids();
            boolean idleSlot = h.kind() == HorizonSnapshot.Kind.SLOT && h.state().equals("inactive");
            if (!old && !far && !idleSlot) {
                continue;
            }
            Level level = far || h.heldSeconds().map(s -> s >= 6 * t.horizonHeld().toSeconds()).orElse(false)
                    ? Level.CRITICAL : Level.WARNING;
            found.add(holderFinding(h, level));
        }
        return found;
    }

    private static HealthFinding holderFinding(HorizonSnapshot.Holder h, Level level) {
        String age = h.xminAge() + " transactions behind" + h.heldSeconds().map(s -> ", open "
                + duration(Duration.ofSeconds(Math.round(s)))).orElse("");
        String why = "vacuum cannot remove rows that died after its snapshot, in any table";
        return switch (h.kind()) {
            case SESSION -> new HealthFinding(level, "xmin-horizon", "pid " + h.pid().orElse(0),
                    "session pid " + h.pid().orElse(0) + " (" + who(h) + ", " + h.state() + ") holds back vacuum: "
                            + age + "; " + why,
                    "End its transaction in the application, or terminate the session",
                    Optional.of("SELECT pg_catalog.pg_terminate_backend(" + h.pid().orElse(0) + ");"));
            case SLOT -> new HealthFinding(level, "xmin-horizon", "slot " + h.name(),
                    "replication slot " + h.name() + " (" + h.state() + ") holds back vacuum: " + age + "; " + why,
                    "Bring its consumer back, or drop the slot if nothing will use it again (its consumer must then "
                            + "be rebuilt)",
                    Optional.of("SELECT pg_catalog.pg_drop_replication_slot(" + literal(h.name()) + ");"));
            case PREPARED -> new HealthFinding(level, "xmin-horizon", "prepared " + h.name(),
                    "prepared transaction " + h.name() + " (owner " + h.user() + ", database " + h.database()
                            + ") holds back vacuum: " + age + "; " + why,
                    "Commit or roll it back from the database " + h.database() + ", as its transaction manager meant",
                    Optional.of("ROLLBACK PREPARED " + literal(h.name()) + ";"));
        };
    }

    private static String who(HorizonSnapshot.Holder h) {
        return (h.application().isEmpty() ? "" : h.application() + ", ") + "user " + h.user()
                + (h.database().isEmpty() ? "" : " on " + h.database());
    }

    public static List<HealthFinding> wraparound(WraparoundSnapshot snapshot, HealthThresholds t) {
        return snapshot.databases().stream().filter(d -> d.share() >= t.wraparoundWarning()).map(d -> {
            Level level = d.share() >= t.wraparoundCritical() ? Level.CRITICAL : Level.WARNING;
            String which = d.multixactIsOlder() ? "multixact age " + d.mxidAge() : "transaction-id age " + d.xidAge();
            return new HealthFinding(level, "wraparound", "database " + d.name(), "database " + d.name() + " is at "
                    + which + ", " + percent(d.share()) + " of the 2^31 limit where the server stops taking writes "
                    + "(autovacuum freezes from " + d.freezeMaxAge() + ")",
                    "Find what keeps autovacuum from freezing (a held horizon, a cancelled anti-wraparound vacuum) "
                            + "and run VACUUM (FREEZE) in that database, oldest tables first",
                    Optional.of("VACUUM (FREEZE, VERBOSE);  -- connected to " + quote(d.name())));
        }).toList();
    }

    static List<HealthFinding> indexes(IndexSnapshot snapshot) {
        return indexesAcross(java.util.Map.of("this node", snapshot));
    }

    /**
     * Invalid indexes, and indexes no node has scanned: usage statistics are per node, and an index the
     * standbys' queries use shows no scan on the primary, so an index is unused only if it is unused on every
     * node read ({@code byNode}, keyed by node name).
     */
    public static List<HealthFinding> indexesAcross(java.util.Map<String, IndexSnapshot> byNode) {
        if (byNode.isEmpty()) {
            return List.of();
        }
        java.util.SortedMap<String, IndexSnapshot> nodes = new java.util.TreeMap<>(byNode);
        IndexSnapshot first = nodes.get(nodes.firstKey());
        String where = nodes.size() == 1 ? "on " + nodes.firstKey() : "on any of " + String.join(", ", nodes.keySet());
        String since = first.statsReset().map(r -> "since the statistics reset at " + r)
                .orElse("since the statistics began");
        List<HealthFinding> found = new ArrayList<>();
        for (IndexSnapshot.Index i : first.indexes()) {
            String name = quote(i.schema()) + "." + quote(i.name());
            if (!i.valid()) {
                found.add(new HealthFinding(Level.WARNING, "invalid-index", name, "index " + name + " on "
                        + i.table() + " is invalid (a CREATE INDEX CONCURRENTLY failed): writes still maintain it, "
                        + "no query uses it", "Rebuild it, or drop it if it is not wanted",
                        Optional.of("REINDEX INDEX CONCURRENTLY " + name + ";")));
            } else if (i.unused() && nodes.values().stream().allMatch(n -> n.indexes().stream()
                    .anyMatch(x -> x.schema().equals(i.schema()) && x.name().equals(i.name()) && x.unused()))) {
                found.add(new HealthFinding(Level.NOTICE, "unused-index", name, "index " + name + " on " + i.table()
                        + " (" + ByteSize.of(i.bytes()) + ") has had no scan " + where + " " + since + "; every "
                        + "write to " + i.table() + " still maintains it", "Check rare jobs (month-end reports) and "
                        + "any node not watched here before dropping it",
                        Optional.of("DROP INDEX CONCURRENTLY " + name + ";")));
            }
        }
        for (IndexSnapshot.Redundant r : first.redundant()) {
            String name = quote(r.schema()) + "." + quote(r.name());
            found.add(new HealthFinding(Level.NOTICE, "redundant-index", name, "index " + name + " on " + r.table()
                    + " (" + ByteSize.of(r.bytes()) + ") is covered by " + quote(r.coveredBy()) + ", whose keys start "
                    + "with the same columns: " + r.definition() + " against " + r.coveringDefinition(),
                    "Drop it: the covering index serves the same lookups, and each write maintains one index less",
                    Optional.of("DROP INDEX CONCURRENTLY " + name + ";")));
        }
        return found;
    }

    static List<HealthFinding> sequences(SequenceSnapshot snapshot, HealthThresholds t) {
        List<HealthFinding> found = new ArrayList<>();
        for (SequenceSnapshot.Sequence s : snapshot.sequences()) {
            Optional<Double> used = s.usedShare();
            if (s.cycles() || used.isEmpty() || used.get() < t.sequenceWarning()) {
                continue;
            }
            String name = quote(s.schema()) + "." + quote(s.name());
            boolean widen = !s.dataType().equals("bigint");
            found.add(new HealthFinding(used.get() >= t.sequenceCritical() ? Level.CRITICAL : Level.WARNING,
                    "sequence", name, "sequence " + name + " (" + s.dataType() + ") has used " + percent(used.get())
                    + " of its range: " + s.callsLeft().orElse(0L) + " values left before nextval() fails",
                    widen ? "Widen it to bigint, and the columns it feeds with it (ALTER TABLE … ALTER COLUMN … TYPE "
                            + "bigint rewrites the table: plan it)" : "Plan a new key range: a bigint sequence this "
                            + "far along is rare, check its increment and what consumes it",
                    widen ? Optional.of("ALTER SEQUENCE " + name + " AS bigint;") : Optional.empty()));
        }
        List<SequenceSnapshot.Sequence> unreadable = snapshot.unreadable();
        if (!unreadable.isEmpty()) {
            String schemas = unreadable.stream().map(SequenceSnapshot.Sequence::schema).distinct().sorted()
                    .collect(Collectors.joining(", "));
            found.add(new HealthFinding(Level.NOTICE, "sequences-unreadable", "database " + snapshot.database(),
                    unreadable.size() + " sequence" + (unreadable.size() == 1 ? "" : "s") + " of " + snapshot.database()
                            + " could not be read by " + snapshot.monitorRole() + " (last_value needs SELECT on the "
                            + "sequence; pg_monitor does not give it), so how near their end they are is unknown",
                    "Grant the monitoring role SELECT on them (it reads positions, not table data)",
                    Optional.of(unreadable.stream().map(SequenceSnapshot.Sequence::schema).distinct().sorted()
                            .map(s -> "GRANT SELECT ON ALL SEQUENCES IN SCHEMA " + quote(s) + " TO "
                                    + quote(snapshot.monitorRole()) + ";").collect(Collectors.joining(" ")))
                    .filter(x -> !schemas.isEmpty())));
        }
        return found;
    }

    public static Optional<HealthFinding> checkpoints(CheckpointReading reading, HealthThresholds t) {
        CheckpointReading.Tally tally = reading.tally();
        if (tally.requested() < t.requestedMinimum() || tally.requested() <= tally.timed()) {
            return Optional.empty();
        }
        CheckpointReading.Counters now = reading.now();
        String over = tally.sinceReset() ? "since the statistics were reset" + (tally.over().isZero() ? ""
                : " " + duration(tally.over()) + " ago") : "in the last " + duration(tally.over());
        long doubled = Math.max(2 * now.maxWalSizeMb(), 64);
        return Optional.of(new HealthFinding(Level.WARNING, "checkpoints", "max_wal_size", tally.requested()
                + " of " + tally.total() + " checkpoints " + over + " were requested: WAL reached max_wal_size = "
                + now.maxWalSizeMb() + " MB before checkpoint_timeout = " + now.checkpointTimeoutSeconds() + " s; "
                + "each one writes every dirty buffer and the full-page images after it swell the WAL",
                "Raise max_wal_size (the disk must hold it) so checkpoints come from the timeout",
                Optional.of("ALTER SYSTEM SET max_wal_size = '" + doubled + "MB'; SELECT pg_catalog.pg_reload_conf();")));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return "under a second";
        }
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
