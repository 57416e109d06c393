package dev.vigil.monitor.lockwaits;

import java.util.Optional;

/**
 * What a waiting session waits for, in the words a DBA uses, for every pg_locks lock type. A row-lock waiter
 * waits on the holder's transaction id, not on a table: saying "relation null" there hides the one thing that
 * matters, which transaction to look at.
 */
public final class AwaitedLock {
    private AwaitedLock() {}

    public static String describe(WaitingLock lock) {
        Optional<String> table = lock.relation();
        String object = lock.object().orElse("?");
        return switch (lock.lockType()) {
            case "relation" -> table.map(t -> "table " + t).orElse("a table");
            case "extend" -> "extending " + table.orElse("a table");
            case "page" -> "page " + object + " of " + table.orElse("a table");
            case "tuple" -> "row (" + object + ") of " + table.orElse("a table");
            case "transactionid" -> "transaction " + object + table.map(t -> " (a row of " + t + ")").orElse("")
                    + " to end";
            case "virtualxid" -> "virtual transaction " + object + " to end";
            case "spectoken" -> "speculative insertion of transaction " + object;
            case "advisory" -> "advisory lock " + object;
            case "object" -> "object " + object;
            case "userlock" -> "user lock " + object;
            case "frozenid" -> "the database's frozen xid update";
            case "applytransaction" -> "remote transaction " + object + " to be applied";
            default -> lock.lockType() + " lock" + lock.object().map(o -> " " + o).orElse("")
                    + table.map(t -> " on " + t).orElse("");
        };
    }
}
