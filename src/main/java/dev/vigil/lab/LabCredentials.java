package dev.vigil.lab;

import dev.vigil.libpq.Pgpass;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The lab's roles and their random passwords. Passwords live in memory and in 0600 password files only, which
 * is how libpq and the standbys' {@code primary_conninfo} ({@code passfile=}) read them; never in a config file,
 * a command line or a log.
 */
public record LabCredentials(String superuserPassword, String replicationPassword, String monitorPassword) {

    public static final String SUPERUSER = "postgres";
    public static final String REPLICATION_USER = "replicator";
    public static final String MONITOR_USER = "vigil_monitor";
    public static final String HOST = "127.0.0.1";

    public static LabCredentials generate() {
        return new LabCredentials(randomPassword(), randomPassword(), randomPassword());
    }

    /** Everything the operator's tools need (psql, Vigil itself). */
    void writeOperatorPgpass(Path file) {
        Pgpass.write(file, List.of(
                new Pgpass.Entry(HOST, "*", "*", SUPERUSER, superuserPassword),
                new Pgpass.Entry(HOST, "*", "*", MONITOR_USER, monitorPassword),
                new Pgpass.Entry(HOST, "*", "replication", REPLICATION_USER, replicationPassword)));
    }

    /** Only the replication role, for the servers' own {@code primary_conninfo}. */
    void writeReplicationPgpass(Path file) {
        Pgpass.write(file, List.of(new Pgpass.Entry(HOST, "*", "replication", REPLICATION_USER, replicationPassword)));
    }

    static LabCredentials fromPgpass(Path file) {
        List<Pgpass.Entry> entries = Pgpass.read(file);
        return new LabCredentials(
                Pgpass.lookup(entries, HOST, 0, "postgres", SUPERUSER).orElse(""),
                Pgpass.lookup(entries, HOST, 0, "replication", REPLICATION_USER).orElse(""),
                Pgpass.lookup(entries, HOST, 0, "postgres", MONITOR_USER).orElse(""));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "LabCredentials[passwords hidden]";
    }
}
