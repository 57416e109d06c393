package dev.vigil.lab;

import dev.vigil.lab.host.CommandResult;
import dev.vigil.lab.host.FileTrees;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.OsCommand;
import dev.vigil.lab.host.PgBinaries;
import dev.vigil.lab.host.PostmasterPidFile;
import dev.vigil.lab.host.SafeDirectories;
import dev.vigil.lab.host.ServiceUser;
import dev.vigil.lab.host.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real, disposable PostgreSQL clusters on this machine, for tests, the demo and training.
 *
 * <p>A lab owns one directory under the base directory. {@link #close()} (or the JVM shutdown hook, if the
 * owner forgets) stops every server and deletes the directory. A lab whose JVM died is removed by the next
 * {@link #open}.
 */
public final class Lab implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Lab.class);
    private static final Set<Lab> OPEN = Collections.synchronizedSet(new LinkedHashSet<>());
    private static final Set<Path> CREATED = Collections.synchronizedSet(new LinkedHashSet<>());
    private static final Thread SHUTDOWN_HOOK = new Thread(Lab::closeAllOpen, "vigil-lab-shutdown");

    static {
        preloadCleanupClasses();
        Runtime.getRuntime().addShutdownHook(SHUTDOWN_HOOK);
    }

    /**
     * The shutdown hook must not need to load a class: if the jar was replaced while we ran (a rebuild), loading
     * fails and the servers would outlive us until the next lab start. So everything close() touches is loaded
     * now, while the jar is the one we started from.
     */
    private static void preloadCleanupClasses() {
        for (Class<?> c : List.of(StopMode.class, LabJanitor.class, LabJanitor.FoundLab.class, LabMarker.class,
                FileTrees.class, PostmasterPidFile.class, Waits.class, LabException.class, OsCommand.class,
                CommandResult.class, LabCluster.class, LabNode.class)) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private final Path dir;
    private final PgBinaries binaries;
    private final LabCredentials credentials;
    private final LabContext context;
    private final List<LabCluster> clusters = new ArrayList<>();
    private LabMarker marker;
    private boolean closed;

    private Lab(Path dir, PgBinaries binaries, ServiceUser user, LabCredentials credentials) {
        this.dir = dir;
        this.binaries = binaries;
        this.credentials = credentials;
        this.context = new LabContext(binaries, user, credentials, dir.resolve("replication.pgpass"));
    }

    public static Lab open() {
        return open(LabSettings.fromEnvironment());
    }

    public static Lab open(LabSettings settings) {
        ServiceUser user = ServiceUser.detect();
        Path base = SafeDirectories.ensureOwned(settings.baseDir(), "lab base directory",
                "set -D" + LabSettings.BASE_PROPERTY + " or " + LabSettings.BASE_ENV + " to another directory");
        for (Path removed : LabJanitor.cleanupStale(base)) {
            log.warn("Removed a lab left behind by a JVM that died without closing it: {}", removed);
        }
        PgBinaries binaries = PgBinaries.resolve(settings.pgBin(), user);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = base.resolve(LabJanitor.LAB_PREFIX + stamp + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (IOException e) {
            throw new LabException("Could not create lab directory " + dir + ": " + e.getMessage(), e);
        }
        Lab lab = new Lab(dir, binaries, user, LabCredentials.generate());
        lab.marker = LabMarker.forThisProcess(binaries);
        lab.marker.write(dir);
        CREATED.add(dir);
        OPEN.add(lab);
        lab.credentials.writeOperatorPgpass(lab.pgpassFile());
        lab.credentials.writeReplicationPgpass(lab.context.replicationPgpass());
        user.own(lab.context.replicationPgpass());
        return lab;
    }

    /** Creates a cluster of one primary and {@code standbys} streaming standbys, and waits until they stream. */
    public LabCluster createCluster(String name, int standbys) {
        return createCluster(name, standbys, Map.of());
    }

    /**
     * The same, with extra server settings (e.g. {@code max_connections} for a benchmark). Names and values are
     * checked: a setting name is a word, a value is quoted as a configuration string.
     */
    public synchronized LabCluster createCluster(String name, int standbys, Map<String, String> settings) {
        if (closed) {
            throw new LabException("This lab is closed; open a new one.");
        }
        if (!name.matches("[a-z][a-z0-9_-]{0,30}")) {
            throw new LabException("Cluster name '" + name + "' is not allowed: use lower-case letters, digits, - and _.");
        }
        if (clusters.stream().anyMatch(c -> c.name().equals(name))) {
            throw new LabException("This lab already has a cluster named " + name + ".");
        }
        if (standbys < 0 || standbys > 8) {
            throw new LabException("A lab cluster has 0 to 8 standbys, not " + standbys + ".");
        }
        // If this fails halfway, close() still finds what did start by its pid file.
        LabCluster cluster = ClusterBuilder.build(context, dir.resolve(name), name, standbys, settings);
        clusters.add(cluster);
        marker = marker.withCluster(name, cluster.ports());
        marker.write(dir);
        return cluster;
    }

    public Path dir() {
        return dir;
    }

    public PgBinaries binaries() {
        return binaries;
    }

    /** The 0600 password file psql and Vigil read ({@code passfile=} or PGPASSFILE). */
    public Path pgpassFile() {
        return dir.resolve("pgpass");
    }

    public synchronized List<LabCluster> clusters() {
        return List.copyOf(clusters);
    }

    /** Stops every server this lab started and deletes its directory. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (LabCluster cluster : clusters) {
            cluster.shutDown();
        }
        // Also catches servers of a cluster whose creation failed halfway.
        LabJanitor.destroy(dir);
        OPEN.remove(this);
    }

    /** Every lab directory this JVM created, open or closed: what the leftover-process check looks for. */
    public static Set<Path> createdByThisProcess() {
        synchronized (CREATED) {
            return Set.copyOf(CREATED);
        }
    }

    private static void closeAllOpen() {
        List<Lab> labs;
        synchronized (OPEN) {
            labs = new ArrayList<>(OPEN);
        }
        for (Lab lab : labs) {
            try {
                lab.close();
            } catch (RuntimeException e) {
                System.err.println("Vigil: could not close lab " + lab.dir + ": " + e.getMessage());
            }
        }
    }
}
