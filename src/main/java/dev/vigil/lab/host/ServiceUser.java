package dev.vigil.lab.host;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operating-system user that lab PostgreSQL processes run as.
 *
 * <p>PostgreSQL refuses to start as root. When Vigil itself runs as root (as CI does) the lab runs
 * {@code initdb}, {@code pg_ctl} and {@code postgres} through {@code setpriv} as an unprivileged user and
 * hands the data directories to that user. Otherwise the servers run as the current user.
 */
public record ServiceUser(String name, int uid, int gid, boolean dropsPrivileges) {

    /** Environment variable naming the unprivileged user to use when running as root. */
    public static final String USER_ENV = "VIGIL_LAB_USER";
    private static final List<String> FALLBACK_USERS = List.of("postgres", "nobody");

    public static ServiceUser detect() {
        int uid = currentUid();
        if (uid != 0) {
            return new ServiceUser(System.getProperty("user.name"), uid, -1, false);
        }
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv(USER_ENV)).filter(s -> !s.isBlank()).ifPresent(candidates::add);
        if (candidates.isEmpty()) {
            candidates.addAll(FALLBACK_USERS);
        }
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!Files.isExecutable(setpriv)) {
            throw new LabException("Vigil runs as root, and PostgreSQL refuses to run as root. The lab drops to an "
                    + "unprivileged user with setpriv, but /usr/bin/setpriv is missing (package util-linux). "
                    + "Install it, or run Vigil as an ordinary user.");
        }
        for (String candidate : candidates) {
            Optional<int[]> ids = lookupIds(candidate);
            if (ids.isPresent() && ids.get()[0] != 0) {
                return new ServiceUser(candidate, ids.get()[0], ids.get()[1], true);
            }
        }
        throw new LabException("Vigil runs as root, and PostgreSQL refuses to run as root, but none of the users "
                + candidates + " exists with a non-zero uid. Create one (useradd --system postgres) or set "
                + USER_ENV + " to an unprivileged user.");
    }

    /**
     * The user that owns {@code dir} (a lab cluster's directory), for acting on servers another process started:
     * ourselves when we are not root, else that directory's owner, who must not be root.
     */
    public static ServiceUser owning(Path dir) {
        int uid = currentUid();
        if (uid != 0) {
            return new ServiceUser(System.getProperty("user.name"), uid, -1, false);
        }
        try {
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            Optional<int[]> ids = lookupIds(owner);
            if (ids.isEmpty() || ids.get()[0] == 0) {
                throw new LabException(dir + " is owned by " + owner + ", not by an unprivileged user the lab's "
                        + "servers could run as.");
            }
            return new ServiceUser(owner, ids.get()[0], ids.get()[1], true);
        } catch (IOException e) {
            throw new LabException("Could not tell who owns " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The command, run as this user. */
    public List<String> wrap(List<String> command) {
        if (!dropsPrivileges) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives a file or directory (not its contents) to this user. */
    public void own(Path path) {
        if (!dropsPrivileges) {
            return;
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            Principals principals = principals(path);
            view.setOwner(principals.user());
            view.setGroup(principals.group());
        } catch (IOException e) {
            throw new LabException("Could not hand " + path + " to user " + name + ": " + e.getMessage(), e);
        }
    }

    /** Gives a whole tree to this user. */
    public void ownTree(Path root) {
        if (!dropsPrivileges) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    own(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    own(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new LabException("Could not hand " + root + " to user " + name + ": " + e.getMessage(), e);
        }
    }

    private record Principals(UserPrincipal user, GroupPrincipal group) {}

    private static final java.util.concurrent.ConcurrentMap<String, Principals> PRINCIPALS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Looked up once per user: a lookup reads the user database, and a clone hands over thousands of files. */
    private Principals principals(Path anyPath) throws IOException {
        Principals cached = PRINCIPALS.get(name + ":" + gid);
        if (cached != null) {
            return cached;
        }
        UserPrincipalLookupService lookup = anyPath.getFileSystem().getUserPrincipalLookupService();
        Principals found = new Principals(lookup.lookupPrincipalByName(name),
                lookup.lookupPrincipalByGroupName(Integer.toString(gid)));
        PRINCIPALS.put(name + ":" + gid, found);
        return found;
    }

    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    private static Optional<int[]> lookupIds(String user) {
        CommandResult uid = OsCommand.run(List.of("id", "-u", user), Map.of(), null, Duration.ofSeconds(5));
        CommandResult gid = OsCommand.run(List.of("id", "-g", user), Map.of(), null, Duration.ofSeconds(5));
        if (!uid.succeeded() || !gid.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(uid.output().strip()), Integer.parseInt(gid.output().strip())});
    }
}
