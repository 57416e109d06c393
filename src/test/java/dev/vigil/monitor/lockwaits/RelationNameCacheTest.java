package dev.vigil.monitor.lockwaits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.monitor.OtherDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The cache's bounds, with a fake lookup (the real one is exercised against a lab in LockWaitBehaviour). */
class RelationNameCacheTest {
    private final List<String> asked = new ArrayList<>();
    private final Map<String, String> refusing = new HashMap<>();
    private final MutableClock clock = new MutableClock();
    private final RelationNameCache cache = new RelationNameCache((database, oids) -> {
        asked.add(database + " " + new TreeSet<>(oids));
        if (refusing.containsKey(database)) {
            throw new OtherDatabases.NameLookupException(refusing.get(database));
        }
        Map<Long, String> names = new HashMap<>();
        oids.stream().filter(oid -> oid < 90_000).forEach(oid -> names.put(oid, "t" + oid));
        return names;
    }, clock);

    @Test
    void aDatabaseIsAskedOnlyForOidsNotYetNamed() throws Exception {
        assertThat(cache.relationNames("bench", Set.of(1L, 2L))).containsEntry(1L, "t1").containsEntry(2L, "t2");
        assertThat(cache.relationNames("bench", Set.of(1L, 2L, 3L))).hasSize(3);
        assertThat(cache.relationNames("bench", Set.of(2L, 3L))).hasSize(2);
        assertThat(asked).containsExactly("bench [1, 2]", "bench [3]");
    }

    @Test
    void namesExpireSoARenamedTableIsShownRightAgain() throws Exception {
        cache.relationNames("bench", Set.of(1L));
        clock.advance(RelationNameCache.NAME_TTL.plusSeconds(1));
        cache.relationNames("bench", Set.of(1L));
        assertThat(asked).containsExactly("bench [1]", "bench [1]");
    }

    @Test
    void aDroppedTableIsLeftOutAndAskedForAgainNextTime() throws Exception {
        assertThat(cache.relationNames("bench", Set.of(95_000L))).isEmpty();
        assertThat(cache.relationNames("bench", Set.of(95_000L))).isEmpty();
        assertThat(asked).hasSize(2);
    }

    @Test
    void aRefusingDatabaseIsNotAskedAgainForAWhileAndTheReasonIsKept() throws Exception {
        refusing.put("secret", "name not read: vigil may not connect to secret");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.relationNames("secret", Set.of(1L)))
                    .hasMessage("name not read: vigil may not connect to secret");
        }
        assertThat(asked).hasSize(1);
        clock.advance(RelationNameCache.FAILURE_TTL.plusSeconds(1));
        refusing.clear();
        assertThat(cache.relationNames("secret", Set.of(1L))).containsEntry(1L, "t1");
        assertThat(asked).hasSize(2);
    }

    @Test
    void theCacheIsBounded() throws Exception {
        for (long oid = 1; oid <= RelationNameCache.MAX_NAMES + 10; oid++) {
            cache.relationNames("bench", Set.of(oid));
        }
        asked.clear();
        cache.relationNames("bench", Set.of(1L)); // the eldest went out first
        cache.relationNames("bench", Set.of((long) RelationNameCache.MAX_NAMES + 10));
        assertThat(asked).containsExactly("bench [1]");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
