package dev.vigil.monitor.lockwaits;

import java.util.Optional;

/**
 * A table a lock is on. A node's monitoring connection is in one database, and {@code regclass} names only that
 * database's tables (and shared catalogs); a table in another database comes back as its oid and is named from
 * that database (see {@link OtherDatabases}). When it cannot be, {@code unnamed} says why, and it is shown as
 * {@code database.oid (why)}.
 *
 * @param database the database the table is in ("" when not known: a test fixture, a shared catalog)
 * @param oid      its pg_class oid (0 when not known)
 */
public record RelationRef(String database, long oid, Optional<String> name, Optional<String> unnamed) {
    public static RelationRef named(String database, long oid, String name) {
        return new RelationRef(database, oid, Optional.of(name), Optional.empty());
    }

    /** A table known by name only (fixtures, synthetic clusters). */
    public static RelationRef named(String name) {
        return named("", 0, name);
    }

    public static RelationRef unnamed(String database, long oid, String why) {
        return new RelationRef(database, oid, Optional.empty(), Optional.of(why));
    }

    public boolean isNamed() {
        return name.isPresent();
    }

    /** "shop.orders", or "bench.16494 (no CONNECT privilege on bench)": never empty, never "null". */
    public String shown() {
        return name.orElseGet(() -> database + "." + oid + unnamed.map(why -> " (" + why + ")").orElse(""));
    }

    RelationRef withName(String found) {
        return new RelationRef(database, oid, Optional.of(found), Optional.empty());
    }

    RelationRef withReason(String why) {
        return new RelationRef(database, oid, Optional.empty(), Optional.of(why));
    }
}
