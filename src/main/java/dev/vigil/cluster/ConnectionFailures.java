package dev.vigil.cluster;

import dev.vigil.cluster.ConnectionFailure.Kind;
import dev.vigil.libpq.Pgpass;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns a failed connection into a {@link ConnectionFailure}: by the server's SQLSTATE when the server answered,
 * else by the exception the driver wrapped (refused, timed out, unknown host, TLS). Pure: it reads the exception
 * chain and what is known about the login, and nothing else. Pool wrappers (HikariCP's "Connection is not
 * available ... (total=0, active=0, idle=0, waiting=0)") are looked through to the root cause.
 */
public final class ConnectionFailures {
    private static final Pattern SEVERITY = Pattern.compile("^(FATAL|ERROR|PANIC):\\s+");
    private static final Pattern POOL_WAIT = Pattern.compile("request timed out after (\\d+)ms");

    private ConnectionFailures() {}

    /**
     * Who tried to log in where.
     *
     * @param passwordOrigin where the password came from ("PGPASSFILE=/x line 3"), or where none was found
     * @param passwordGiven  whether a password was sent at all
     */
    public record Login(String node, String host, int port, String database, String user, String passwordOrigin,
                        boolean passwordGiven, SslSettings ssl, Duration connectTimeout) {
        public String address() {
            return host + ":" + port;
        }

        /** The monitoring login of a node. */
        public static Login monitor(NodeEndpoint node, Duration connectTimeout) {
            return new Login(node.name(), node.host(), node.port(), node.database(), node.user(), node.passwordOrigin(),
                    !node.password().isEmpty(), node.ssl(), connectTimeout);
        }

        /** Another role's login to the same node (the operator role of actions). */
        public static Login as(NodeEndpoint node, String user, Optional<PasswordLookup.Password> password,
                               Duration connectTimeout) {
            return new Login(node.name(), node.host(), node.port(), node.database(), user,
                    password.map(PasswordLookup.Password::origin).orElse("none found"), password.isPresent(),
                    node.ssl(), connectTimeout);
        }
    }

    /** The monitoring login's failure: the one call a sampler makes. */
    public static ConnectionFailure classify(Throwable error, NodeEndpoint node, Duration connectTimeout) {
        return classify(error, Login.monitor(node, connectTimeout));
    }

    public static ConnectionFailure classify(Throwable error, Login login) {
        List<Throwable> chain = chain(error);
        Optional<SQLException> server = chain.stream().filter(t -> t instanceof SQLException s && s.getSQLState() != null
                && !s.getSQLState().startsWith("08")).map(SQLException.class::cast).reduce((a, b) -> b);
        String state = server.map(SQLException::getSQLState)
                .or(() -> chain.stream().filter(t -> t instanceof SQLException s && s.getSQLState() != null)
                        .map(t -> ((SQLException) t).getSQLState()).reduce((a, b) -> b))
                .orElse("");
        String serverText = server.map(s -> serverWords(s.getMessage())).orElse("");
        String who = login.user() + "@" + login.address() + "/" + login.database();

        Optional<ConnectionFailure> tls = tls(chain, login);
        if (tls.isPresent()) {
            return tls.get();
        }
        if (state.equals("28P01") || (state.equals("28000") && !serverText.contains("pg_hba.conf"))) {
            return new ConnectionFailure(Kind.AUTHENTICATION, serverText + " (" + who + ", password from "
                    + login.passwordOrigin() + ")", login.passwordGiven()
                    ? "Correct the password at " + login.passwordOrigin() + ", or set it on the server (ALTER ROLE "
                    + login.user() + " PASSWORD ...)"
                    : addPasswordAdvice(login));
        }
        if (state.equals("28000")) {
            return new ConnectionFailure(Kind.AUTHENTICATION, serverText + " (" + who + ")",
                    "Add a pg_hba.conf line on " + login.node() + " that lets " + login.user() + " in from this host "
                    + "(then SELECT pg_reload_conf()), or use a role it already lets in");
        }
        if (anyMessage(chain, "no password was provided")) {
            return new ConnectionFailure(Kind.AUTHENTICATION, "the server asks " + who + " for a password, and "
                    + login.passwordOrigin() + (login.passwordOrigin().startsWith("none") ? "" : " had none"),
                    addPasswordAdvice(login));
        }
        if (state.equals("53300")) {
            return new ConnectionFailure(Kind.TOO_MANY_CONNECTIONS, serverText + " (" + login.address() + ")",
                    "Free connections on " + login.node() + " (a pooler such as PgBouncer helps), or raise "
                    + "max_connections (needs a restart); Vigil needs one connection per node");
        }
        if (state.equals("3D000")) {
            return new ConnectionFailure(Kind.NO_DATABASE, serverText + " on " + login.address(),
                    "Set 'database:' in clusters.yaml to one that exists on " + login.node() + " (psql -l lists them), "
                    + "or create it: CREATE DATABASE " + login.database());
        }
        if (state.equals("57P03") && serverText.contains("shutting down")) {
            return shuttingDown(serverText, login);
        }
        if (state.equals("57P03")) {
            return new ConnectionFailure(Kind.STARTING_UP, serverText + " (" + login.address() + ")",
                    "Wait for it to finish starting or recovering; Vigil keeps trying. If it stays so, read its "
                    + "server log (crash recovery, or hot_standby = off on a standby)");
        }
        if (state.equals("57P01") || state.equals("57P02")) {
            return shuttingDown(serverText, login);
        }
        if (has(chain, NoRouteToHostException.class) || anyMessage(chain, "network is unreachable")) {
            return new ConnectionFailure(Kind.TIMEOUT, "no route to " + login.address() + " (node " + login.node() + ")",
                    "Check the host address and this machine's network (routes, VPN); the host may be down");
        }
        if (has(chain, ConnectException.class) || anyMessage(chain, "refused")) {
            return new ConnectionFailure(Kind.REFUSED, "connection to " + login.address() + " refused (node "
                    + login.node() + ")", "Start PostgreSQL on " + login.node() + ", or check that host and port in "
                    + "clusters.yaml match the server's listen_addresses and port");
        }
        if (has(chain, UnknownHostException.class)) {
            return new ConnectionFailure(Kind.UNKNOWN_HOST, "the host name " + login.host() + " does not resolve",
                    "Check the node's 'host:' in clusters.yaml, and DNS or /etc/hosts on this machine");
        }
        if (has(chain, SocketTimeoutException.class) || anyMessage(chain, "timed out") || waited(chain).isPresent()) {
            return new ConnectionFailure(Kind.TIMEOUT, "no answer from " + login.address() + " (node " + login.node()
                    + ") within " + seconds(waited(chain).orElse(login.connectTimeout())),
                    "A firewall may drop the packets, or the host is wrong or down: check 'host:' and 'port:' in "
                    + "clusters.yaml, and that the server's firewall lets this machine in");
        }
        return new ConnectionFailure(Kind.OTHER, rootWords(chain) + " (" + login.address() + ")",
                "Read the server log on " + login.node() + " for the same moment");
    }

    /** Where to add a password so a lookup finds it: its own file, else PGPASSFILE or ~/.pgpass, or the keyring. */
    public static String addPasswordAdvice(PasswordLookup passwords, String host, int port, String database, String user) {
        return addPasswordAdvice(passwords.passwordFile().orElse(Pgpass.defaultFile()), host, port, database, user);
    }

    private static String addPasswordAdvice(Login login) {
        return addPasswordAdvice(Pgpass.defaultFile(), login.host(), login.port(), login.database(), login.user());
    }

    private static String addPasswordAdvice(Path file, String host, int port, String database, String user) {
        return "Add a line '" + host + ":" + port + ":" + database + ":" + user + ":<password>' to " + Pgpass.label(file)
                + " (mode 0600), or store it in the keyring (secret-tool store --label=vigil service vigil host " + host
                + " port " + port + " database " + database + " user " + user + ")";
    }

    private static ConnectionFailure shuttingDown(String serverText, Login login) {
        return new ConnectionFailure(Kind.SHUTTING_DOWN, (serverText.isEmpty() ? "the server is shutting down"
                : serverText) + " (" + login.address() + ")",
                "If the stop was planned, wait for the node to come back; if not, read its server log");
    }

    private static Optional<ConnectionFailure> tls(List<Throwable> chain, Login login) {
        String mode = login.ssl().mode().pgName();
        String rootCert = login.ssl().rootCert().map(Path::toString).orElse("~/.postgresql/root.crt");
        String fixCa = "Set 'sslrootcert:' in clusters.yaml to the CA file that signed the server's certificate "
                + "(now " + rootCert + "), or use sslmode: require to encrypt without checking the certificate";
        Optional<String> problem = Optional.empty();
        String fix = fixCa;
        if (has(chain, CertificateExpiredException.class)) {
            problem = Optional.of("the server's certificate has expired");
            fix = "Renew the server's certificate (ssl_cert_file) and reload it (SELECT pg_reload_conf())";
        } else if (has(chain, CertificateNotYetValidException.class)) {
            problem = Optional.of("the server's certificate is not valid yet (check both machines' clocks)");
            fix = "Correct the clock, or issue a certificate valid from now";
        } else if (has(chain, CertPathBuilderException.class) || has(chain, CertPathValidatorException.class)
                || anyMessage(chain, "PKIX path")) {
            problem = Optional.of("the server's certificate is not signed by a CA in " + rootCert);
        } else if (anyMessage(chain, "could not be verified by hostnameverifier")) {
            problem = Optional.of("the server's certificate does not name the host " + login.host()
                    + " (sslmode " + mode + " checks the name)");
            fix = "Connect by a name the certificate lists (its CN or subjectAltName), or issue a certificate that "
                    + "names " + login.host();
        } else if (anyMessage(chain, "does not support SSL")) {
            problem = Optional.of("the server does not accept TLS, and sslmode " + mode + " requires it");
            fix = "Turn on ssl on the server (ssl = on, with ssl_cert_file and ssl_key_file), or set sslmode: prefer";
        } else if (anyMessage(chain, "root certificate file")) {
            problem = Optional.of("the CA file " + rootCert + " cannot be read");
        } else if (has(chain, SSLException.class)) {
            problem = Optional.of(rootWords(chain));
        }
        String finalFix = fix;
        return problem.map(p -> new ConnectionFailure(Kind.TLS, p + " (" + login.address() + ", sslmode " + mode + ")",
                finalFix));
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static boolean anyMessage(List<Throwable> chain, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return chain.stream().anyMatch(t -> t.getMessage() != null
                && withoutPool(t.getMessage()).toLowerCase(Locale.ROOT).contains(lower));
    }

    /** How long a pool waited, when a pool gave up: what "no answer within" truthfully says. */
    private static Optional<Duration> waited(List<Throwable> chain) {
        for (Throwable t : chain) {
            Matcher m = t.getMessage() == null ? null : POOL_WAIT.matcher(t.getMessage());
            if (m != null && m.find()) {
                return Optional.of(Duration.ofMillis(Long.parseLong(m.group(1))));
            }
        }
        return Optional.empty();
    }

    /** The server's own words: the first line, without the severity prefix. */
    private static String serverWords(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return SEVERITY.matcher(first).replaceFirst("");
    }

    /** The innermost message that is not a pool's wrapper. */
    private static String rootWords(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            String m = t.getMessage() == null ? "" : withoutPool(serverWords(t.getMessage())).strip();
            if (!m.isEmpty()) {
                return m;
            }
        }
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }

    /** HikariCP's "pool - Connection is not available, ... (total=0, active=0, idle=0, waiting=0)" says nothing. */
    static String withoutPool(String message) {
        return message.replaceAll("\\s*\\(total=\\d+, active=\\d+, idle=\\d+, waiting=\\d+\\)", "")
                .replaceAll("^\\S+ - Connection is not available, request timed out after \\d+ms\\.?", "");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
