package dev.vigil.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

/**
 * Loads SQL kept in resource files next to the code that runs it, one file per query per minimum server
 * version: {@code name.sql} serves every supported server, {@code name_post_150000.sql} serves 15.0 and later.
 *
 * <p>Query enums implement {@link Query} and call {@link #load}; a test per enum checks every file exists.
 */
public final class VersionedSql {
    private static final ConcurrentMap<String, String> CACHE = new ConcurrentHashMap<>();

    private VersionedSql() {}

    /**
     * A query named by an enum constant: its file is the constant's name in lower case, in a {@code sql}
     * directory next to the enum.
     */
    /** On a query constant: the server versions (server_version_num) from which it has its own variant file. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)
    public @interface Since {
        int[] value();
    }

    public interface Query {
        /** The enum constant's name. */
        String name();

        /**
         * The minimum server_version_num of each variant beyond the base file, ascending: the constant's
         * {@link Since}, or none.
         */
        default int[] variantsSince() {
            try {
                Since since = anchor().getField(name()).getAnnotation(Since.class);
                return since == null ? new int[0] : since.value().clone();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(anchor().getName() + " has no constant " + name(), e);
            }
        }

        /** The base file, for queries with one file only. */
        default String sql() {
            return sql(0);
        }

        default String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        default Class<?> anchor() {
            return getClass().isEnum() ? getClass() : getClass().getSuperclass();
        }

        default String sql(int serverVersionNum) {
            return load(anchor(), fileName(), variantsSince(), serverVersionNum);
        }

        /** Every resource path this query may load, for the completeness test. */
        default List<String> resourcePaths() {
            return IntStream.concat(IntStream.of(0), Arrays.stream(variantsSince()))
                    .mapToObj(v -> resourcePath(anchor(), fileName(), v)).toList();
        }
    }

    public static String load(Class<?> anchor, String fileName, int[] variantsSince, int serverVersionNum) {
        int chosen = Arrays.stream(variantsSince).filter(v -> v <= serverVersionNum).max().orElse(0);
        String path = resourcePath(anchor, fileName, chosen);
        return CACHE.computeIfAbsent(path, p -> read(anchor, p));
    }

    static String resourcePath(Class<?> anchor, String fileName, int since) {
        String dir = anchor.getPackageName().replace('.', '/') + "/sql/";
        return dir + fileName + (since == 0 ? "" : "_post_" + since) + ".sql";
    }

    private static String read(Class<?> anchor, String path) {
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource missing from the build: " + path);
            }
            // Whole-line comments are for readers of the file; servers would keep them in pg_stat_statements.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.stripLeading().startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
