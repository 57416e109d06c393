package dev.vigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.lab.host.Waits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyring lookup against a real Secret Service: a private D-Bus session and GNOME Keyring of its own, so the
 * test touches no keyring of the machine. Skipped, visibly, where those programs are not installed.
 */
class KeyringPasswordsTest {
    private static final List<Path> NEEDED = List.of(KeyringPasswords.SECRET_TOOL, Path.of("/usr/bin/dbus-daemon"),
            Path.of("/usr/bin/gnome-keyring-daemon"));
    @TempDir
    Path dir;
    private Process dbus;
    private Process keyring;

    @AfterEach
    void stop() {
        for (Process p : new Process[] {keyring, dbus}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    @Test
    void findsAStoredPasswordAndNothingForAnotherNode() throws Exception {
        boolean available = NEEDED.stream().allMatch(Files::isExecutable);
        if (!available) {
            System.out.println("[keyring] SKIPPED: needs " + NEEDED + " (apt-get install libsecret-tools gnome-keyring"
                    + " dbus); the keyring lookup is untested on this machine.");
        }
        assumeTrue(available, "secret-tool, dbus-daemon and gnome-keyring-daemon are not installed");
        Map<String, String> env = privateSession();
        store(env, "s3cret with spaces", "db1.example.com", "5432", "postgres", "vigil_monitor");

        KeyringPasswords keyring = new KeyringPasswords(KeyringPasswords.SECRET_TOOL, env);
        assertThat(keyring.find("db1.example.com", 5432, "postgres", "vigil_monitor"))
                .hasValueSatisfying(p -> {
                    assertThat(p.value()).isEqualTo("s3cret with spaces");
                    assertThat(p.source()).isEqualTo(PasswordSource.KEYRING);
                    assertThat(p.toString()).doesNotContain("s3cret");
                });
        assertThat(keyring.find("db2.example.com", 5432, "postgres", "vigil_monitor")).isEmpty();
        assertThat(keyring.problems()).isEmpty();

        PasswordLookup chain = PasswordLookup.chain(PasswordLookup.pgpass(dir.resolve("no-pgpass")), keyring);
        assertThat(chain.find("db1.example.com", 5432, "postgres", "vigil_monitor"))
                .map(PasswordLookup.Password::source).contains(PasswordSource.KEYRING);
    }

    private Map<String, String> privateSession() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = new HashMap<>();
        env.put("XDG_RUNTIME_DIR", run.toString());
        env.put("XDG_DATA_HOME", Files.createDirectories(dir.resolve("data")).toString());
        dbus = new ProcessBuilder("/usr/bin/dbus-daemon", "--session", "--nofork", "--print-address=1").start();
        String address = new BufferedReader(new InputStreamReader(dbus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        ProcessBuilder kb = new ProcessBuilder("/usr/bin/gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        kb.environment().putAll(env);
        keyring = kb.start();
        try (OutputStream unlock = keyring.getOutputStream()) {
            unlock.write("test-keyring-unlock".getBytes(StandardCharsets.UTF_8));
        }
        return env;
    }

    /**
     * The daemon takes a moment to own its bus name, longer on a loaded machine: tries again until it takes the
     * secret. A try that hangs is killed, so no secret-tool is left waiting on a bus that is not ready.
     */
    private static void store(Map<String, String> env, String secret, String host, String port, String database,
                              String user) {
        String[] last = {"no try finished"};
        try {
            Waits.until(Duration.ofSeconds(60), "the private keyring to accept a secret", () -> {
                Process p = null;
                try {
                    ProcessBuilder pb = new ProcessBuilder(KeyringPasswords.SECRET_TOOL.toString(), "store",
                            "--label=vigil test", "service", "vigil", "host", host, "port", port, "database", database,
                            "user", user).redirectErrorStream(true);
                    pb.environment().putAll(env);
                    p = pb.start();
                    try (OutputStream in = p.getOutputStream()) {
                        in.write(secret.getBytes(StandardCharsets.UTF_8));
                    }
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        last[0] = "secret-tool store did not return within 10 s";
                        return false;
                    }
                    last[0] = "secret-tool store exited " + p.exitValue() + ": "
                            + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    return p.exitValue() == 0;
                } catch (Exception e) {
                    last[0] = e.toString();
                    return false;
                } finally {
                    if (p != null && p.isAlive()) {
                        p.destroyForcibly();
                    }
                }
            });
        } catch (RuntimeException e) {
            throw new AssertionError("the private keyring never took the secret; last try: " + last[0], e);
        }
    }
}
