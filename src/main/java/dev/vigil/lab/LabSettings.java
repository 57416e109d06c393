package dev.vigil.lab;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where labs live and which binaries they run.
 *
 * @param baseDir where each lab gets its own directory; must be enterable by the lab's service user
 * @param pgBin   a PostgreSQL bin directory, or empty for the setting, {@code VIGIL_PG_BIN}, or the Maven default
 */
public record LabSettings(Path baseDir, Optional<Path> pgBin) {

    public static final String BASE_PROPERTY = "vigil.lab.base";
    public static final String BASE_ENV = "VIGIL_LAB_BASE";

    public static LabSettings fromEnvironment() {
        return new LabSettings(defaultBaseDir(), Optional.empty());
    }

    public LabSettings withPgBin(Path bin) {
        return new LabSettings(baseDir, Optional.ofNullable(bin));
    }

    public static Path defaultBaseDir() {
        String configured = Optional.ofNullable(System.getProperty(BASE_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(BASE_ENV)))
                .filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vigil-labs-" + System.getProperty("user.name"));
    }
}
