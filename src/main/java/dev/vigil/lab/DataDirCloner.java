package dev.vigil.lab;

import dev.vigil.lab.host.LabException;
import dev.vigil.lab.host.ServiceUser;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Clones a running primary's data directory with an online low-level backup (the lab has no pg_basebackup):
 * {@code pg_backup_start}, a file copy, {@code pg_backup_stop} in the same session, then the returned
 * {@code backup_label}. The new standby fetches the WAL it needs from the primary, which keeps enough of it
 * ({@code wal_keep_size}).
 */
final class DataDirCloner {
    /** Directories whose contents a backup leaves out, as pg_basebackup does; the directories themselves stay. */
    private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files that belong to the running source, not to a copy. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "standby.signal", "recovery.signal", NodeConfig.NODE_FILE, "pg_internal.init",
            "current_logfiles");

    private DataDirCloner() {}

    /**
     * Clones {@code source} into every target from one backup: one checkpoint, then the targets copied side
     * by side. The copies share a backup label, which is how a backup restored
     * twice looks too.
     */
    static void cloneOnline(LabNode source, List<Path> targets, ServiceUser user) {
        try (Connection c = source.connect("postgres")) {
            int version = LabNode.serverVersionNum(c);
            try (PreparedStatement start = c.prepareStatement(LabSql.BACKUP_START.sql(version))) {
                start.setString(1, "vigil-lab clone of " + source.name());
                start.execute();
            }
            // One copier per target: the copy is bound by the kernel's page-cache writes, which use every core.
            List<java.util.concurrent.CompletableFuture<Void>> copies = targets.stream()
                    .map(t -> java.util.concurrent.CompletableFuture.runAsync(() -> copyTree(source.dataDir(), t)))
                    .toList();
            try {
                copies.forEach(java.util.concurrent.CompletableFuture::join);
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException u) {
                    throw u.getCause();
                }
                throw e;
            }
            try (PreparedStatement stop = c.prepareStatement(LabSql.BACKUP_STOP.sql(version));
                 ResultSet rs = stop.executeQuery()) {
                rs.next();
                String label = rs.getString("labelfile");
                String spcmap = rs.getString("spcmapfile");
                for (Path target : targets) {
                    Files.writeString(target.resolve("backup_label"), label);
                    if (spcmap != null && !spcmap.isEmpty()) {
                        Files.writeString(target.resolve("tablespace_map"), spcmap);
                    }
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                    user.ownTree(target);
                }
            }
        } catch (SQLException | IOException e) {
            throw new LabException("Cloning " + source + " into " + targets + " failed: " + e.getMessage()
                    + ". The partial copy is left for inspection; re-clone to retry.", e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            walkAndCopy(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void walkAndCopy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                boolean emptied = EMPTIED_DIRS.contains(dir.getFileName().toString()) && !dir.equals(from);
                Path copy = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(copy);
                Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
                if (emptied && dir.getFileName().toString().equals("pg_wal")) {
                    Files.createDirectories(copy.resolve("archive_status"));
                }
                return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp") || !attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException vanished) {
                    // Dropped mid-copy (a temp file, a dropped relation); WAL replay rebuilds the rest.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }
}
