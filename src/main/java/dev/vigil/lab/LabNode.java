package dev.vigil.lab;

import dev.vigil.lab.host.CommandResult;
import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.OsCommand;
import dev.vigil.lab.host.PostmasterPidFile;
import dev.vigil.sql.Lsn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One PostgreSQL server of a lab cluster: its data directory, its port on 127.0.0.1, and the primitives drills
 * need (start, stop, kill -9, pause replay, promote).
 */
public final class LabNode {
    static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);
    private final LabContext context;
    private final String clusterName;
    private final String name;
    private final int port;
    private final Path dataDir;
    private final Path logFile;

    LabNode(LabContext context, String clusterName, String name, int port, Path dataDir, Path logFile) {
        this.context = context;
        this.clusterName = clusterName;
        this.name = name;
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public String host() {
        return LabCredentials.HOST;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    // --- process control -------------------------------------------------------------------------------

    public void start() {
        CommandResult result = pgCtl("start", "-l", logFile.toString(), "-t", Long.toString(PG_CTL_TIMEOUT.toSeconds()));
        if (!result.succeeded()) {
            throw new LabException("Node " + name + ": the server did not start (pg_ctl exit " + result.exitCode()
                    + "). Last lines of its log " + logFile + ":\n" + logTail(15));
        }
    }

    public void stop(StopMode mode) {
        if (!isRunning()) {
            return;
        }
        CommandResult result = pgCtl("stop", "-m", mode.pgCtlName(), "-t", Long.toString(PG_CTL_TIMEOUT.toSeconds()));
        if (!result.succeeded() && isRunning()) {
            throw new LabException("Node " + name + ": pg_ctl stop -m " + mode.pgCtlName() + " failed: "
                    + result.outputTail(5));
        }
    }

    /** Stops the server (fast) if it runs, then starts it. */
    public void restart() {
        stop(StopMode.FAST);
        start();
    }

    /**
     * SIGKILL to the postmaster, as a crash would. Returns once the postmaster and every process it had
     * started are gone, so a restart does not trip over the old shared memory.
     */
    public void kill9() {
        postmaster().ifPresent(LabJanitor::killWithChildren);
    }

    /** Whether this node's postmaster is alive (from its pid file, checked against the live process). */
    public boolean isRunning() {
        return postmaster().isPresent();
    }

    /** The running postmaster, if the pid file names a live process serving this data directory. */
    public Optional<ProcessHandle> postmaster() {
        return PostmasterPidFile.livePostmaster(dataDir);
    }

    // --- SQL primitives ------------------------------------------------------------------------------------

    /** A superuser connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return connect(database, LabCredentials.SUPERUSER, context.credentials().superuserPassword());
    }

    Connection connect(String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "vigil-lab");
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "120");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Whether the node accepts a connection and answers now. */
    public boolean isReachable() {
        try (Connection c = connect("postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public WalPosition walPosition() {
        try (Connection c = connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(LabSql.WAL_POSITION.sql())) {
            rs.next();
            return new WalPosition(rs.getBoolean("in_recovery"), lsn(rs.getString("current_lsn")),
                    lsn(rs.getString("receive_lsn")), lsn(rs.getString("replay_lsn")),
                    Optional.ofNullable((Integer) rs.getObject("timeline")),
                    Optional.ofNullable((Integer) rs.getObject("upstream_port")));
        } catch (SQLException e) {
            throw new LabException("Node " + name + ": could not read WAL position: " + e.getMessage(), e);
        }
    }

    public boolean isInRecovery() {
        return walPosition().inRecovery();
    }

    public void pauseReplay() {
        execute(LabSql.REPLAY_PAUSE.sql(), "pause WAL replay");
    }

    public void resumeReplay() {
        execute(LabSql.REPLAY_RESUME.sql(), "resume WAL replay");
    }

    /** Promotes this standby and waits until it accepts writes. */
    public void promote() {
        try (Connection c = connect("postgres"); PreparedStatement st = c.prepareStatement(LabSql.PROMOTE.sql())) {
            st.setInt(1, 60);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new LabException("Node " + name + ": pg_promote did not finish within 60 s. See " + logFile);
                }
            }
        } catch (SQLException e) {
            throw new LabException("Node " + name + ": promote failed: " + e.getMessage(), e);
        }
    }

    /** The server's version as server_version_num, e.g. 170006. */
    static int serverVersionNum(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    // --- internals -----------------------------------------------------------------------------------------

    void writeNodeConfig(LabNode upstream) {
        NodeConfig.writeNode(dataDir, clusterName, name, port, upstream, context.replicationPgpass(), context.user());
    }

    /** Re-reads the configuration files, as SIGHUP does. */
    void reload() {
        execute("SELECT pg_catalog.pg_reload_conf()", "reload configuration");
    }

    private void execute(String sql, String what) {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new LabException("Node " + name + ": could not " + what + ": " + e.getMessage(), e);
        }
    }

    private CommandResult pgCtl(String action, String... args) {
        return OsCommand.run(context.user().wrap(pgCtlArgv(action, args)), Map.of(), dataDir.getParent(),
                PG_CTL_TIMEOUT.plusSeconds(10));
    }

    private List<String> pgCtlArgv(String action, String... args) {
        List<String> cmd = new ArrayList<>(List.of(context.binaries().program("pg_ctl").toString(), action,
                "-D", dataDir.toString(), "-w", "-s"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The pg_ctl command line {@link #stop} runs, as the plan shows it. */
    public String stopCommandLine(StopMode mode) {
        return commandLine(pgCtlArgv("stop", "-m", mode.pgCtlName(), "-t", Long.toString(PG_CTL_TIMEOUT.toSeconds())));
    }

    /** The pg_ctl command line {@link #start} runs, as the plan shows it. */
    public String startCommandLine() {
        return commandLine(pgCtlArgv("start", "-l", logFile.toString(), "-t", Long.toString(PG_CTL_TIMEOUT.toSeconds())));
    }

    /** A command for people to read: the arguments, with the user it runs as when that is not us. */
    String commandLine(List<String> argv) {
        String line = String.join(" ", argv);
        return context.user().dropsPrivileges() ? line + "   (as " + context.user().name() + ")" : line;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static Optional<Lsn> lsn(String text) {
        return Optional.ofNullable(text).map(Lsn::parse);
    }

    @Override
    public String toString() {
        return clusterName + "/" + name + " (127.0.0.1:" + port + ")";
    }
}
