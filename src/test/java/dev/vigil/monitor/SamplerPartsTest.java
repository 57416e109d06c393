package dev.vigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cluster.MonitorConnectionSettings;
import dev.vigil.cluster.NodeEndpoint;
import dev.vigil.monitor.activity.ActivityCollector;
import dev.vigil.monitor.activity.SessionActivity;
import dev.vigil.monitor.activity.WaitProfile;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sampler's pure parts: wait classes, failure reading, back-off, newest-only delivery. */
class SamplerPartsTest {
    private static SessionActivity session(String backendType, String state, String waitType) {
        Instant now = Instant.EPOCH;
        return new SessionActivity(1, "u", "d", "a", "", backendType, state, waitType, "", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", now);
    }

    @Test
    void waitProfileCountsActiveClientSessionsByClassWithCpuForNoWait() {
        WaitProfile p = WaitProfile.of(List.of(session("client backend", "active", ""),
                session("client backend", "active", "Lock"), session("client backend", "active", "Lock"),
                session("client backend", "idle", "Client"), session("walsender", "active", "Activity")));
        assertThat(p.activeByWaitClass()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("CPU", 1, "Lock", 2));
        assertThat(p.active()).isEqualTo(3);
    }

    @Test
    void sqlStatesAreReadAsADbaWould() {
        ActivityCollector c = new ActivityCollector();
        assertThat(CollectorFailure.of(c, new SQLException("conn", "08006")).nodeDown()).isTrue();
        assertThat(CollectorFailure.of(c, new SQLException("terminating", "57P01")).nodeDown()).isTrue();
        CollectorFailure denied = CollectorFailure.of(c, new SQLException("permission denied", "42501"));
        assertThat(denied.nodeDown()).isFalse();
        assertThat(denied.fix()).contains("pg_monitor");
        Collector<String> statements = new Collector<>() {
            @Override
            public String name() {
                return "statements";
            }

            @Override
            public String collect(java.sql.Connection connection, int v) {
                return "";
            }
        };
        assertThat(CollectorFailure.of(statements, new SQLException("relation does not exist", "42P01")).fix())
                .contains("CREATE EXTENSION pg_stat_statements");
        assertThat(CollectorFailure.of(c, new SQLException("canceling statement", "57014")).reason())
                .startsWith("timed out");
    }

    @Test
    void aDownNodeIsRetriedAfterDoublingIntervalsUpToHalfAMinute() {
        NodeSampler sampler = new NodeSampler("c", new NodeEndpoint("n", "127.0.0.1", 1, "d", "u", "p"),
                MonitorConnectionSettings.defaults(), List.of(), s -> { });
        try {
            assertThat(sampler.downBackoff(1)).isEqualTo(Duration.ofSeconds(1));
            assertThat(sampler.downBackoff(2)).isEqualTo(Duration.ofSeconds(2));
            assertThat(sampler.downBackoff(4)).isEqualTo(Duration.ofSeconds(8));
            assertThat(sampler.downBackoff(6)).isEqualTo(NodeSampler.MAX_DOWN_BACKOFF);
            assertThat(sampler.downBackoff(60)).isEqualTo(NodeSampler.MAX_DOWN_BACKOFF);
        } finally {
            sampler.close();
        }
    }

    @Test
    void aSlowSubscriberGetsTheNewestValueNotABacklog() {
        List<Runnable> queued = new ArrayList<>();
        List<Integer> received = new ArrayList<>();
        LatestValueMailbox<Integer> mailbox = new LatestValueMailbox<>(queued::add, received::add);
        for (int i = 1; i <= 5; i++) {
            mailbox.offer(i);
        }
        assertThat(queued).hasSize(1);
        queued.remove(0).run();
        assertThat(received).containsExactly(5);
    }
}
