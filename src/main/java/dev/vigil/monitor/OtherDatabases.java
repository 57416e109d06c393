package dev.vigil.monitor;

import java.util.Map;
import java.util.Set;

/**
 * What only a node's other databases can tell: the names of their tables. A monitoring connection sits in one
 * database, and a lock on another database's table comes with its oid only.
 */
public interface OtherDatabases {
    /** Answers nothing: names stay oids, with {@code why}. */
    static OtherDatabases none(String why) {
        return (database, oids) -> {
            throw new NameLookupException(why);
        };
    }

    /** The shown name of each of {@code oids} in {@code database} that exists there. */
    Map<Long, String> relationNames(String database, Set<Long> oids) throws NameLookupException;

    /** Why names of one database could not be read, said so that the user knows what to do. */
    final class NameLookupException extends Exception {
        public NameLookupException(String message) {
            super(message);
        }
    }
}
