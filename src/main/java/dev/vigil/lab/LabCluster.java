package dev.vigil.lab;

import dev.vigil.lab.host.CommandResult;
import dev.vigil.lab.host.ControlFile;
import dev.vigil.lab.host.FileTrees;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.OsCommand;
import dev.vigil.lab.host.PgBinaries;
import dev.vigil.lab.host.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** A lab cluster: one primary and its streaming standbys, each a real server on 127.0.0.1. */
public final class LabCluster {
    private static final String REWIND_PGPASS = "rewind.pgpass";
    public static final String DATABASE = "shop";
    private final String name;
    private final Path dir;
    private final LabContext context;
    private final List<LabNode> nodes;
    private final StepTimings startupTimings;

    LabCluster(String name, Path dir, LabContext context, List<LabNode> nodes, StepTimings startupTimings) {
        this.name = name;
        this.dir = dir;
        this.context = context;
        this.nodes = List.copyOf(nodes);
        this.startupTimings = startupTimings;
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public List<LabNode> nodes() {
        return nodes;
    }

    public PgBinaries binaries() {
        return context.binaries();
    }

    public LabCredentials credentials() {
        return context.credentials();
    }

    /** How long each step of bringing this cluster to streaming took. */
    public StepTimings startupTimings() {
        return startupTimings;
    }

    public LabNode node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst()
                .orElseThrow(() -> new LabException("Cluster " + name + " has no node " + nodeName + "; it has "
                        + nodes.stream().map(LabNode::name).toList()));
    }

    /** The one running node that is out of recovery, asked of the servers themselves. */
    public LabNode primary() {
        List<LabNode> primaries = nodes.stream().filter(LabNode::isRunning).filter(LabCluster::acceptsWrites).toList();
        if (primaries.size() > 1) {
            throw new LabException("Cluster " + name + " is split-brained: " + primaries.stream().map(LabNode::name)
                    .collect(Collectors.joining(" and ")) + " all accept writes. Stop all but one.");
        }
        return primaries.stream().findFirst().orElseThrow(() -> new LabException("Cluster " + name
                + " has no running primary. Start a node or promote a standby."));
    }

    /** One connection: out of recovery means it accepts writes; unreachable means it does not now. */
    private static boolean acceptsWrites(LabNode node) {
        try {
            return !node.walPosition().inRecovery();
        } catch (LabException unreachable) {
            return false;
        }
    }

    /** Every node other than the current primary. */
    public List<LabNode> standbys() {
        LabNode primary = primary();
        return nodes.stream().filter(n -> n != primary).toList();
    }

    /** A JDBC URL listing every node that finds whichever is primary now (pgJDBC's targetServerType). */
    public String primaryJdbcUrl() {
        String hosts = nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
        return "jdbc:postgresql://" + hosts + "/" + DATABASE + "?targetServerType=primary&hostRecheckSeconds=0";
    }

    /** Waits until {@code upstream} reports each of {@code standbys} as streaming to it. */
    public void awaitStreaming(LabNode upstream, List<LabNode> standbys, Duration timeout) {
        Set<String> wanted = standbys.stream().map(LabNode::name).collect(Collectors.toSet());
        Waits.until(timeout, wanted + " streaming from " + upstream.name(),
                () -> streamingStandbys(upstream).containsAll(wanted));
    }

    /** The application names {@code pg_stat_replication} shows as streaming on {@code node}. */
    public Set<String> streamingStandbys(LabNode node) {
        Set<String> names = new LinkedHashSet<>();
        try (Connection c = node.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(LabSql.STREAMING_STANDBYS.sql())) {
            while (rs.next()) {
                if ("streaming".equals(rs.getString("state"))) {
                    names.add(rs.getString("application_name"));
                }
            }
        } catch (SQLException e) {
            return Set.of();
        }
        return names;
    }

    // --- topology primitives -------------------------------------------------------------------------------

    /** Points a standby at a new upstream: rewrite its primary_conninfo and reload; no restart needed. */
    public void repoint(LabNode standby, LabNode upstream) {
        standby.writeNodeConfig(upstream);
        if (standby.isRunning()) {
            standby.reload();
        }
    }

    /**
     * Turns a cleanly stopped former primary into a standby of {@code upstream}. It follows the new timeline
     * from there (recovery_target_timeline is 'latest'). A crashed primary may hold WAL the new one never got;
     * that is refused here, and re-cloning is the way back.
     */
    public void rejoinAsStandby(LabNode oldPrimary, LabNode upstream) {
        if (oldPrimary.isRunning()) {
            throw new LabException("Node " + oldPrimary.name() + " is still running; stop it cleanly before it rejoins.");
        }
        ControlFile control = ControlFile.read(oldPrimary.dataDir());
        if (!control.state().isCleanShutdown()) {
            throw new LabException("Node " + oldPrimary.name() + " was not shut down cleanly (pg_control state "
                    + control.state() + "), so it may hold WAL " + upstream.name() + " never received. "
                    + "Re-clone it from " + upstream.name() + " instead.");
        }
        NodeConfig.markStandby(oldPrimary.dataDir(), context.user());
        oldPrimary.writeNodeConfig(upstream);
        oldPrimary.start();
    }

    /**
     * Readies a stopped node to start as a standby of {@code upstream} (standby.signal and its node file),
     * without starting it.
     */
    public void prepareStandby(LabNode node, LabNode upstream) {
        if (node.isRunning()) {
            throw new LabException("Node " + node.name() + " is running; stop it before it is made a standby.");
        }
        NodeConfig.markStandby(node.dataDir(), context.user());
        node.writeNodeConfig(upstream);
    }

    /**
     * Makes sure a node is down and cannot come back as a primary by itself: an immediate stop if it runs, then
     * standby.signal, so that whoever starts it gets a read-only standby, never a second primary.
     */
    public void fence(LabNode node) {
        node.stop(StopMode.IMMEDIATE);
        if (node.isRunning()) {
            node.kill9();
        }
        NodeConfig.markStandby(node.dataDir(), context.user());
    }

    /** Whether this lab's binaries include pg_rewind (the embedded ones do not; system packages do). */
    public boolean canRewind() {
        return Files.isExecutable(context.binaries().program("pg_rewind"));
    }

    /** The pg_rewind command line {@link #rewind} runs, as the plan shows it. */
    public String rewindCommandLine(LabNode node, LabNode source) {
        return "rm " + node.dataDir().resolve("standby.signal") + "; "
                + node.commandLine(rewindArgv(node, source, dir.resolve(REWIND_PGPASS)))
                + "; touch standby.signal and write its primary_conninfo (put back at once if pg_rewind fails)";
    }

    /**
     * Rewinds a stopped former primary to {@code source}'s timeline with pg_rewind (it runs crash recovery
     * first if the node was killed), then readies it as a standby of {@code source}; it is not started.
     */
    public String rewind(LabNode node, LabNode source) {
        if (!canRewind()) {
            throw new LabException("These PostgreSQL binaries (" + context.binaries().binDir() + ") have no pg_rewind; "
                    + "re-clone " + node.name() + " instead.");
        }
        if (node.isRunning()) {
            throw new LabException("Node " + node.name() + " is running; stop it before pg_rewind.");
        }
        Path passfile = dir.resolve(REWIND_PGPASS);
        String said;
        try {
            // pg_rewind's crash recovery runs a single-user server, which refuses to start in standby mode.
            Files.deleteIfExists(node.dataDir().resolve("standby.signal"));
            context.credentials().writeOperatorPgpass(passfile);
            context.user().own(passfile);
            CommandResult result = OsCommand.run(context.user().wrap(rewindArgv(node, source, passfile)), Map.of(),
                    dir, Duration.ofMinutes(5));
            if (!result.succeeded()) {
                // It was fenced with standby.signal; a failed rewind must not leave it startable as a primary.
                NodeConfig.markStandby(node.dataDir(), context.user());
                throw new LabException("pg_rewind of " + node.name() + " from " + source.name() + " failed (exit "
                        + result.exitCode() + "): " + result.outputTail(8) + "\nRe-clone it instead.");
            }
            said = result.outputTail(3);
        } catch (java.io.IOException e) {
            throw new LabException("Could not prepare pg_rewind of " + node.name() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passfile);
            } catch (java.io.IOException e) {
                // The file is 0600 inside the lab directory, which is deleted with the lab.
            }
        }
        prepareStandby(node, source);
        return said;
    }

    private List<String> rewindArgv(LabNode node, LabNode source, Path passfile) {
        return List.of(context.binaries().program("pg_rewind").toString(), "-D", node.dataDir().toString(),
                "--source-server=host=" + LabCredentials.HOST + " port=" + source.port() + " user="
                        + LabCredentials.SUPERUSER + " dbname=postgres passfile=" + passfile, "--progress");
    }

    /** The command line {@link #reclone} amounts to, as the plan shows it (the lab copies files itself). */
    public String recloneCommandLine(LabNode node, LabNode source) {
        return "lab re-clone: pg_ctl stop -m immediate; rm -rf " + node.dataDir() + "; online backup of "
                + source.name() + " (pg_backup_start, copy, pg_backup_stop) into it; standby.signal; "
                + node.startCommandLine();
    }

    /** Throws a node's data away and clones it afresh from {@code source}, then starts it as a standby. */
    public void reclone(LabNode node, LabNode source) {
        if (node == source) {
            throw new LabException("Node " + node.name() + " cannot be cloned from itself.");
        }
        node.stop(StopMode.IMMEDIATE);
        try {
            FileTrees.delete(node.dataDir());
        } catch (java.io.IOException e) {
            throw new LabException("Could not remove " + node.dataDir() + " before re-cloning: " + e.getMessage(), e);
        }
        DataDirCloner.cloneOnline(source, List.of(node.dataDir()), context.user());
        NodeConfig.markStandby(node.dataDir(), context.user());
        node.writeNodeConfig(source);
        node.start();
    }

    /** Stops every node at once (immediate: the lab is disposable) and makes sure none survives. */
    void shutDown() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (LabNode node : nodes) {
            stops.add(CompletableFuture.runAsync(() -> {
                try {
                    node.stop(StopMode.IMMEDIATE);
                } catch (LabException e) {
                    node.kill9();
                }
                if (node.isRunning()) {
                    node.kill9();
                }
            }));
        }
        stops.forEach(CompletableFuture::join);
    }

    /** Node name to port, for the lab's description file. */
    Map<String, Integer> ports() {
        return nodes.stream().collect(Collectors.toMap(LabNode::name, LabNode::port, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    @Override
    public String toString() {
        return "LabCluster " + name + " " + ports();
    }
}
