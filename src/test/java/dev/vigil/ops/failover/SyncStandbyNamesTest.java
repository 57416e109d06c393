package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncStandbyNamesTest {
    @Test
    void theFormsPostgresqlAccepts() {
        assertThat(SyncStandbyNames.parse("")).isEqualTo(new SyncStandbyNames(0, List.of()));
        assertThat(SyncStandbyNames.parse("pg2, pg3")).isEqualTo(new SyncStandbyNames(1, List.of("pg2", "pg3")));
        assertThat(SyncStandbyNames.parse("FIRST 2 (pg1, \"Pg3\")")).isEqualTo(new SyncStandbyNames(2, List.of("pg1", "pg3")));
        assertThat(SyncStandbyNames.parse("any 1 (app_a,app_b)")).isEqualTo(new SyncStandbyNames(1, List.of("app_a", "app_b")));
        assertThat(SyncStandbyNames.parse("2 (a, b, c)")).isEqualTo(new SyncStandbyNames(2, List.of("a", "b", "c")));
        assertThat(SyncStandbyNames.parse("*").synchronous()).isTrue();
        assertThat(SyncStandbyNames.parse(" ").synchronous()).isFalse();
    }

    @Test
    void matchingIgnoresCaseAndTheStarMatchesAll() {
        assertThat(SyncStandbyNames.parse("ANY 1 (PG1, billing_replica)").matching(List.of("pg1", "pg3"))).isEqualTo(1);
        assertThat(SyncStandbyNames.parse("billing_replica").matching(List.of("pg1", "pg3"))).isZero();
        assertThat(SyncStandbyNames.parse("*").matching(List.of("pg1", "pg3"))).isEqualTo(2);
    }
}
