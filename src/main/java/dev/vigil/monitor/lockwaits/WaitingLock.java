package dev.vigil.monitor.lockwaits;

import java.time.Instant;
import java.util.Optional;

/**
 * The lock a session is waiting for: its type ({@code relation}, {@code transactionid}, {@code tuple},
 * {@code advisory}, ...), the mode it asked for, the table concerned where there is one (for a row lock: the
 * table of the tuple lock the waiter holds), what else identifies it (a transaction id, a virtual xid, an advisory
 * key, a page and tuple), and since when it waits (PostgreSQL 14+).
 *
 * @param object the lock's own identity, as {@link AwaitedLock} reads it: "745" for a transaction id, "3/77"
 *               for a virtual xid, "42" or "1,2" for an advisory key, "0,3" for a tuple, a description for an object
 */
public record WaitingLock(String lockType, String mode, Optional<RelationRef> table, Optional<String> object,
                          Optional<Instant> waitStart) {

    /** A wait known by its table name only (fixtures, synthetic clusters). */
    public WaitingLock(String lockType, String mode, Optional<String> relation, Optional<Instant> waitStart) {
        this(lockType, mode, relation.map(RelationRef::named), Optional.empty(), waitStart);
    }

    /** The table's name as shown, where the lock concerns a table. */
    public Optional<String> relation() {
        return table.map(RelationRef::shown);
    }

    /** What the session waits for, in words: never empty (see {@link AwaitedLock}). */
    public String awaited() {
        return AwaitedLock.describe(this);
    }

    WaitingLock withTable(RelationRef named) {
        return new WaitingLock(lockType, mode, Optional.of(named), object, waitStart);
    }
}
