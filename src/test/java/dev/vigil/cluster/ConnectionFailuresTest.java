package dev.vigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.ConnectionFailure.Kind;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The classifier on SQLSTATEs and exception chains as pgJDBC and HikariCP build them (pure logic). */
class ConnectionFailuresTest {
    private static final ConnectionFailures.Login LOGIN = new ConnectionFailures.Login("pg1", "db1.example.com", 5432,
            "shop", "vigil_monitor", "PGPASSFILE=/etc/vigil/pgpass line 3", true,
            new SslSettings(SslMode.VERIFY_FULL, Optional.of(Path.of("/etc/vigil/ca.crt"))), Duration.ofSeconds(5));

    private static ConnectionFailure classify(Throwable e) {
        return ConnectionFailures.classify(e, LOGIN);
    }

    @Test
    void aWrongPasswordSaysWhichPasswordSourceWasUsed() {
        ConnectionFailure f = classify(new SQLException("FATAL: password authentication failed for user \"vigil_monitor\"",
                "28P01"));
        assertThat(f.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(f.message()).startsWith("authentication failed: password authentication failed for user")
                .contains("vigil_monitor@db1.example.com:5432/shop")
                .contains("password from PGPASSFILE=/etc/vigil/pgpass line 3")
                .contains("Correct the password at PGPASSFILE=/etc/vigil/pgpass line 3")
                .doesNotContain("FATAL").doesNotContain("unreachable");
        assertThat(f.kind().serverAnswered()).isTrue();
    }

    @Test
    void noPasswordFoundSaysSoAndWhereToAddOne() {
        ConnectionFailures.Login none = new ConnectionFailures.Login("pg1", "h", 5432, "shop", "u",
                "none found in /home/x/.pgpass (missing)", false, SslSettings.DISABLED, Duration.ofSeconds(5));
        ConnectionFailure f = ConnectionFailures.classify(new SQLException(
                "The server requested SCRAM-based authentication, but no password was provided.", "08004"), none);
        assertThat(f.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(f.message()).contains("none found in /home/x/.pgpass (missing)")
                .contains("Add a line 'h:5432:shop:u:<password>' to");
        ConnectionFailure wrongHba = ConnectionFailures.classify(new SQLException(
                "FATAL: no pg_hba.conf entry for host \"10.0.0.9\", user \"u\", database \"shop\", no encryption",
                "28000"), none);
        assertThat(wrongHba.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(wrongHba.fix()).contains("pg_hba.conf").contains("pg_reload_conf()");
    }

    @Test
    void theAdviceNamesPgpassfileWhenThatIsTheFileUsed() {
        PasswordLookup lookup = PasswordLookup.pgpass(Path.of("/nonexistent/vigil-pgpass"));
        assertThat(ConnectionFailures.addPasswordAdvice(lookup, "h", 5432, "shop", "u"))
                .contains("to /nonexistent/vigil-pgpass (mode 0600)").doesNotContain("~/.pgpass");
    }

    @Test
    void refusedUnknownAndSilentHostsAreToldApart() {
        SQLException refused = new SQLException("Connection to db1.example.com:5432 refused. Check that the hostname "
                + "and port are correct and that the postmaster is accepting TCP/IP connections.", "08001",
                new ConnectException("Connection refused"));
        assertThat(classify(refused).kind()).isEqualTo(Kind.REFUSED);
        assertThat(classify(refused).message()).startsWith("nothing listening: connection to db1.example.com:5432 refused")
                .contains("Start PostgreSQL on pg1");

        SQLException timeout = new SQLException("The connection attempt failed.", "08001",
                new SocketTimeoutException("Connect timed out"));
        assertThat(classify(timeout).message()).startsWith("no answer: no answer from db1.example.com:5432 (node pg1) "
                + "within 5 s").contains("firewall");

        SQLException unknown = new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("db1.example.com"));
        assertThat(classify(unknown).kind()).isEqualTo(Kind.UNKNOWN_HOST);
    }

    @Test
    void poolInternalsAreNeverShownAndTheRootCauseIsUnwrapped() {
        SQLException behindThePool = new SQLTransientConnectionException("vigil-monitor-a-pg1 - Connection is not "
                + "available, request timed out after 1044ms (total=0, active=0, idle=0, waiting=0)", "28P01",
                new SQLException("FATAL: password authentication failed for user \"vigil_monitor\"", "28P01"));
        assertThat(classify(behindThePool).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(classify(behindThePool).message()).doesNotContain("total=").doesNotContain("Connection is not available");

        SQLException stillConnecting = new SQLTransientConnectionException("vigil-monitor-a-pg1 - Connection is not "
                + "available, request timed out after 1044ms (total=0, active=0, idle=0, waiting=0)");
        ConnectionFailure f = classify(stillConnecting);
        assertThat(f.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(f.message()).contains("within 1.0 s").doesNotContain("total=").doesNotContain("idle=");
    }

    @Test
    void tlsFailuresNameTheCertificateProblem() {
        SQLException untrusted = new SQLException("SSL error: PKIX path building failed", "08006",
                new SSLHandshakeException("PKIX path building failed"));
        untrusted.getCause().initCause(new CertPathBuilderException("unable to find valid certification path"));
        ConnectionFailure f = classify(untrusted);
        assertThat(f.kind()).isEqualTo(Kind.TLS);
        assertThat(f.message()).contains("not signed by a CA in /etc/vigil/ca.crt").contains("sslrootcert");

        ConnectionFailure name = classify(new SQLException("The hostname db1.example.com could not be verified by "
                + "hostnameverifier PgjdbcHostnameVerifier.", "08006"));
        assertThat(name.message()).contains("does not name the host db1.example.com");

        ConnectionFailure off = classify(new SQLException("The server does not support SSL.", "08004"));
        assertThat(off.kind()).isEqualTo(Kind.TLS);
        assertThat(off.message()).contains("does not accept TLS").contains("sslmode verify-full");
    }

    @Test
    void serverStatesHaveTheirOwnClassAndFix() {
        assertThat(classify(new SQLException("FATAL: sorry, too many clients already", "53300")).message())
                .startsWith("too many connections: sorry, too many clients already").contains("max_connections");
        assertThat(classify(new SQLException("FATAL: database \"shop\" does not exist", "3D000")).message())
                .startsWith("database does not exist: database \"shop\" does not exist").contains("CREATE DATABASE shop");
        assertThat(classify(new SQLException("FATAL: the database system is starting up", "57P03")).kind())
                .isEqualTo(Kind.STARTING_UP);
        assertThat(classify(new SQLException("FATAL: the database system is shutting down", "57P03")).kind())
                .isEqualTo(Kind.SHUTTING_DOWN);
        assertThat(classify(new SQLException("FATAL: terminating connection due to administrator command", "57P01"))
                .kind()).isEqualTo(Kind.SHUTTING_DOWN);
    }

    @Test
    void aNodesErrorTextGivesBackItsClassForShortLabels() {
        String message = classify(new SQLException("FATAL: password authentication failed", "28P01")).message();
        assertThat(ConnectionFailure.kindOf(message)).contains(Kind.AUTHENTICATION);
        assertThat(ConnectionFailure.notUp(message)).isEqualTo("down (authentication failed)");
        assertThat(ConnectionFailure.notUp("Connection refused")).isEqualTo("unreachable");
    }
}
