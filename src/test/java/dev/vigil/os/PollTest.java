package dev.vigil.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {
    /** Time that passes only when the poll sleeps; it records each sleep. */
    static final class FakeClock implements Poll.Clock {
        long now = 1_000;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now += d.toNanos();
        }
    }

    private final FakeClock clock = new FakeClock();

    private Poll poll(long everyMs, long withinMs) {
        return Poll.every(Duration.ofMillis(everyMs), Duration.ofMillis(withinMs)).clock(clock);
    }

    @Test
    void endsAtTheFirstLookThatHoldsWithItsValue() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Poll.Outcome<String> o = poll(20, 1000).until(() -> looks.incrementAndGet() == 3
                ? Poll.Look.done("three") : Poll.Look.notYet("look " + looks.get()));
        assertThat(o.met()).isTrue();
        assertThat(o.value()).contains("three");
        assertThat(looks).hasValue(3);
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
        assertThat(o.waited()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void atTheLimitKeepsTheLastEvidenceAndLooksOnceMoreAtTheLimit() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Poll.Outcome<Integer> o = poll(30, 100).until(() -> Poll.Look.notYet(looks.incrementAndGet(),
                "seen " + looks.get()));
        assertThat(o.met()).isFalse();
        assertThat(o.cancelled()).isFalse();
        assertThat(o.value()).isEmpty();
        // 0, 30, 60, 90 and a last look at 100: the last sleep is cut to what is left.
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(30), Duration.ofMillis(30), Duration.ofMillis(30),
                Duration.ofMillis(10));
        assertThat(o.lastSeen()).contains(5);
        assertThat(o.evidence()).isEqualTo("seen 5");
        assertThat(o.waited()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aCancelEndsTheWaitAfterTheLookThatSawIt() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Poll.Outcome<Void> o = poll(20, 60_000).cancelledBy(() -> looks.get() >= 2)
                .until(() -> Poll.Look.notYet("look " + looks.incrementAndGet()));
        assertThat(o.cancelled()).isTrue();
        assertThat(o.met()).isFalse();
        assertThat(o.evidence()).isEqualTo("look 2");
        assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void looksOnceEvenWhenCancelledBeforeTheStart() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Poll.Outcome<Void> o = poll(20, 1000).cancelledBy(() -> true)
                .until(() -> Poll.Look.notYet("look " + looks.incrementAndGet()));
        assertThat(looks).hasValue(1);
        assertThat(o.cancelled()).isTrue();
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void whatALookThrowsEndsTheWait() {
        assertThatThrownBy(() -> poll(20, 1000).until(() -> {
            throw new SQLException("gone", "08006");
        })).isInstanceOf(SQLException.class).hasMessage("gone");
    }

    @Test
    void aPauseRunsToItsLimitUnlessCancelled() throws Exception {
        Poll.Outcome<Void> full = poll(100, 350).pause();
        assertThat(full.cancelled()).isFalse();
        assertThat(full.waited()).isEqualTo(Duration.ofMillis(350));
        AtomicInteger asked = new AtomicInteger();
        Poll.Outcome<Void> cut = poll(100, 5000).cancelledBy(() -> asked.incrementAndGet() > 2).pause();
        assertThat(cut.cancelled()).isTrue();
        assertThat(cut.waited()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> Poll.every(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reconnectingOpensAgainAfterAnSqlExceptionAndClosesWhatItOpened() throws Exception {
        List<FakeConnection> opened = new ArrayList<>();
        AtomicInteger opens = new AtomicInteger();
        Poll.Outcome<String> o = poll(20, 1000).reconnecting(() -> {
            if (opens.incrementAndGet() == 1) {
                throw new SQLException("the database system is starting up", "57P03");
            }
            FakeConnection c = new FakeConnection();
            opened.add(c);
            return c.proxy();
        }, c -> {
            int n = opens.get();
            if (n == 2) {
                throw new SQLException("terminating connection", "57P01");
            }
            return n == 3 ? Poll.Look.done("streaming") : Poll.Look.notYet("no");
        });
        assertThat(o.value()).contains("streaming");
        assertThat(opens).hasValue(3);
        assertThat(opened).hasSize(2).allMatch(c -> c.closed);
    }

    @Test
    void reconnectingKeepsTheErrorAsEvidenceWhenTheServerNeverAnswers() throws Exception {
        Poll.Outcome<String> o = poll(200, 1000).reconnecting(() -> {
            throw new SQLException("Connection refused", "08001");
        }, c -> Poll.Look.done("never"));
        assertThat(o.met()).isFalse();
        assertThat(o.evidence()).isEqualTo("not reachable: Connection refused");
        assertThat(clock.sleeps).hasSize(5);
    }

    @Test
    void overOneConnectionKeepsItForEveryLookAndClosesItAtTheEnd() throws Exception {
        FakeConnection one = new FakeConnection();
        AtomicInteger opens = new AtomicInteger();
        List<Connection> seen = new ArrayList<>();
        Poll.Outcome<String> o = poll(20, 1000).over(() -> {
            opens.incrementAndGet();
            return one.proxy();
        }, c -> {
            seen.add(c);
            return seen.size() == 4 ? Poll.Look.done("out of recovery") : Poll.Look.notYet("in recovery");
        });
        assertThat(o.value()).contains("out of recovery");
        assertThat(opens).hasValue(1);
        assertThat(seen).hasSize(4).containsOnly(seen.get(0));
        assertThat(one.closed).isTrue();
    }

    /** Pure logic: only close() is called on these connections. */
    static final class FakeConnection {
        boolean closed;

        Connection proxy() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, args) -> {
                        if (m.getName().equals("equals")) {
                            return p == args[0];
                        }
                        if (m.getName().equals("hashCode")) {
                            return System.identityHashCode(p);
                        }
                        if (m.getName().equals("close")) {
                            closed = true;
                            return null;
                        }
                        throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
