package dev.vigil.monitor.lockwaits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwaitedLockTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "relation | shop.orders | - | table shop.orders",
            "relation | - | - | a table",
            "extend | shop.orders | - | extending shop.orders",
            "page | shop.orders | 7 | page 7 of shop.orders",
            "tuple | shop.orders | 0,3 | row (0,3) of shop.orders",
            "transactionid | shop.orders | 745 | transaction 745 (a row of shop.orders) to end",
            "transactionid | - | 745 | transaction 745 to end",
            "virtualxid | - | 3/77 | virtual transaction 3/77 to end",
            "advisory | - | 42 | advisory lock 42",
            "advisory | - | 1,2 | advisory lock 1,2",
            "object | - | role app | object role app",
            "spectoken | - | 9 | speculative insertion of transaction 9",
            "frozenid | - | - | the database's frozen xid update",
            "somethingnew | - | x | somethingnew lock x",
    })
    void everyLockTypeSaysWhatIsAwaitedAndNeverNull(String type, String table, String object, String expected) {
        WaitingLock lock = new WaitingLock(type, "ShareLock", Optional.ofNullable(table).map(RelationRef::named),
                Optional.ofNullable(object), Optional.empty());
        assertThat(lock.awaited()).isEqualTo(expected).doesNotContain("null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "named | bench.pgbench_accounts",
            "unnamed | bench.16494 (name not read: vigil may not connect to bench)",
            "unknown | bench.16494"})
    void aTableOfAnotherDatabaseIsShownByNameOrAsDatabaseDotOidWithTheReason(String kind, String expected) {
        RelationRef ref = switch (kind) {
            case "named" -> RelationRef.named("bench", 16494, "bench.pgbench_accounts");
            case "unnamed" -> RelationRef.unnamed("bench", 16494, "name not read: vigil may not connect to bench");
            default -> new RelationRef("bench", 16494, Optional.empty(), Optional.empty());
        };
        assertThat(ref.shown()).isEqualTo(expected);
    }
}
