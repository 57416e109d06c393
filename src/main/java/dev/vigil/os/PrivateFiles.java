package dev.vigil.os;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Files Vigil writes with operational data (the journal, the fenced-node list, state files, the window layout)
 * hold query texts and topology: they are created 0600 from their first byte, and the folders Vigil creates for
 * them 0700. Creating with the mode (not chmod afterwards) leaves no moment in which others could open them.
 * <p>
 * A folder that already exists is left as it is: it may be shared (a test's temporary folder, {@code /tmp}), and
 * tightening it would break others. A file that exists is Vigil's own and is tightened to 0600.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code dir} and any missing parents, each 0700; returns it. */
    public static Path ensurePrivateDir(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, dirAttributes());
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another process made it first; it is theirs to have made.
            }
        }
        return dir;
    }

    /** Creates {@code file} (and its folder) 0600 if missing, or tightens it to 0600; returns it. */
    public static Path createPrivate(Path file) throws IOException {
        ensureParent(file);
        try {
            Files.createFile(file, fileAttributes());
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            tighten(file);
        }
        return file;
    }

    /** A channel that appends to {@code file}, created 0600 when missing. */
    public static FileChannel openForAppend(Path file) throws IOException {
        createPrivate(file);
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** A read-write channel on {@code file} (a lock file, say), created 0600 when missing. */
    public static FileChannel openReadWrite(Path file) throws IOException {
        createPrivate(file);
        return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /**
     * Replaces {@code file} with {@code content}: written to a 0600 temporary file beside it, forced to disk,
     * then moved into place, so a reader sees the old file or the new one, never half of one.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        ensureParent(file);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, fileAttributes());
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void writeAtomically(Path file, String content) throws IOException {
        writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void ensureParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            ensurePrivateDir(parent);
        }
    }

    private static void tighten(Path file) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(file).equals(FILE_MODE)) {
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
    }

    private static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] dirAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_MODE)} : new FileAttribute<?>[0];
    }
}
