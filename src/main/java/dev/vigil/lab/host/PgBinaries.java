package dev.vigil.lab.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory of PostgreSQL server binaries the lab can use, with the version they report.
 *
 * <p>The default comes from Maven ({@link EmbeddedPgBinaries}); {@value #PG_BIN_ENV} or the
 * {@value #PG_BIN_PROPERTY} system property points at a system installation instead.
 */
public record PgBinaries(Path binDir, String version, int major, String source) {

    public static final String PG_BIN_ENV = "VIGIL_PG_BIN";
    public static final String PG_BIN_PROPERTY = "vigil.pg.bin";
    static final List<String> REQUIRED_PROGRAMS = List.of("initdb", "pg_ctl", "postgres");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");

    /** The binaries chosen by setting or environment, else the embedded default. */
    public static PgBinaries resolve(Optional<Path> explicit, ServiceUser user) {
        Optional<Path> chosen = explicit
                .or(() -> Optional.ofNullable(System.getProperty(PG_BIN_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of))
                .or(() -> Optional.ofNullable(System.getenv(PG_BIN_ENV)).filter(s -> !s.isBlank()).map(Path::of));
        if (chosen.isPresent()) {
            return inDirectory(chosen.get(), "system (" + chosen.get() + ")");
        }
        return EmbeddedPgBinaries.unpack(user);
    }

    /** Checks that {@code binDir} holds a usable server and asks it for its version. */
    public static PgBinaries inDirectory(Path binDir, String source) {
        for (String program : REQUIRED_PROGRAMS) {
            Path path = binDir.resolve(program);
            if (!Files.isExecutable(path)) {
                throw new LabException("PostgreSQL binaries in " + binDir + " are incomplete: " + program
                        + " is missing or not executable. Point " + PG_BIN_ENV + " at a directory holding "
                        + String.join(", ", REQUIRED_PROGRAMS) + " (for example /usr/lib/postgresql/15/bin), "
                        + "or unset it to use the binaries Maven brings.");
            }
        }
        CommandResult result = OsCommand.run(List.of(binDir.resolve("postgres").toString(), "--version"), Map.of(),
                null, Duration.ofSeconds(20));
        Matcher m = VERSION.matcher(result.output());
        if (!result.succeeded() || !m.find()) {
            throw new LabException(binDir.resolve("postgres") + " --version failed (exit " + result.exitCode()
                    + "): " + result.outputTail(5));
        }
        int major = Integer.parseInt(m.group(1));
        if (major < 13) {
            throw new LabException("PostgreSQL " + major + " in " + binDir + " is too old for the lab; use 13 or later.");
        }
        String version = m.group(1) + (m.group(2) == null ? "" : m.group(2));
        return new PgBinaries(binDir, version, major, source);
    }

    /** The system installation of PostgreSQL 15 that the tests also cover, where this machine has it. */
    public static Optional<Path> systemInstallation() {
        Path root = Path.of("/usr/lib/postgresql");
        try (var dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve("bin"))
                    .filter(bin -> REQUIRED_PROGRAMS.stream().allMatch(p -> Files.isExecutable(bin.resolve(p))))
                    .max(Path::compareTo);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    public Path program(String name) {
        return binDir.resolve(name);
    }

    @Override
    public String toString() {
        return "PostgreSQL " + version + " from " + source;
    }
}
