package dev.vigil.monitor.lockwaits;

/** A granted SHARE-or-stronger table lock: what a migration takes, and what blocks ordinary writes. */
public record HeldLock(String mode, RelationRef relation) {
    /** A lock on a table known by name only (fixtures). */
    public static HeldLock on(String mode, String table) {
        return new HeldLock(mode, RelationRef.named(table));
    }

    /** "AccessExclusiveLock on shop.orders". */
    public String describe() {
        return mode + " on " + relation.shown();
    }
}
