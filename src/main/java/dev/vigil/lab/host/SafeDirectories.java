package dev.vigil.lab.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Directories in shared places (/tmp, /var/tmp) that we create, or trust only if nobody else could have. */
public final class SafeDirectories {
    private SafeDirectories() {}

    /** Creates {@code dir} (mode 0755) or checks that the existing one is ours and closed to others' writes. */
    public static Path ensureOwned(Path dir, String purpose, String fix) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || owner != ServiceUser.currentUid()
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new LabException("Refusing to use " + dir + " as the " + purpose + ": it is not a directory "
                        + "owned by this user and closed to others' writes. Remove it, or " + fix + ".");
            }
            return dir;
        } catch (IOException e) {
            throw new LabException("Could not prepare the " + purpose + " " + dir + ": " + e.getMessage()
                    + ". " + fix + ".", e);
        }
    }
}
