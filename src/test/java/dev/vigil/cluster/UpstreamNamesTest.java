package dev.vigil.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamNamesTest {
    private static final List<UpstreamNames.Known> LAB = List.of(new UpstreamNames.Known("pg1", "localhost", 36461),
            new UpstreamNames.Known("pg2", "localhost", 36462), new UpstreamNames.Known("pg3", "localhost", 36463));

    @Test
    void aLoopbackSenderIsNamedWhateverTheSpelling() {
        assertThat(UpstreamNames.nameFor(LAB, "127.0.0.1:36461")).isEqualTo("pg1");
        assertThat(UpstreamNames.nameFor(LAB, "localhost:36462")).isEqualTo("pg2");
        assertThat(UpstreamNames.nameFor(LAB, "::1:36463")).isEqualTo("pg3");
        assertThat(UpstreamNames.nameFor(LAB, "[::1]:36463")).isEqualTo("pg3");
        assertThat(UpstreamNames.nodeAt(LAB, "/tmp", 36462)).contains("pg2");
    }

    @Test
    void anUnknownAddressFallsBackToHostAndPort() {
        assertThat(UpstreamNames.nameFor(LAB, "127.0.0.1:5999")).isEqualTo("127.0.0.1:5999");
        assertThat(UpstreamNames.nameFor(LAB, "10.0.0.9:36461")).isEqualTo("10.0.0.9:36461");
        assertThat(UpstreamNames.nameFor(LAB, "garbage")).isEqualTo("garbage");
    }

    @Test
    void aLoopbackSenderMatchesAConfiguredHostNameOnlyWhenThePortIsUnambiguous() {
        List<UpstreamNames.Known> named = List.of(new UpstreamNames.Known("a", "db-a.example", 5432),
                new UpstreamNames.Known("b", "db-b.example", 5433));
        assertThat(UpstreamNames.nameFor(named, "127.0.0.1:5433")).isEqualTo("b");
        List<UpstreamNames.Known> same = List.of(new UpstreamNames.Known("a", "db-a.example", 5432),
                new UpstreamNames.Known("b", "db-b.example", 5432));
        assertThat(UpstreamNames.nameFor(same, "127.0.0.1:5432")).isEqualTo("127.0.0.1:5432");
        assertThat(UpstreamNames.nameFor(same, "DB-B.example:5432")).isEqualTo("b");
    }

    @Test
    void aConfiguredIpMatchesExactly() {
        List<UpstreamNames.Known> ips = List.of(new UpstreamNames.Known("a", "10.0.0.1", 5432),
                new UpstreamNames.Known("b", "10.0.0.2", 5432));
        assertThat(UpstreamNames.nameFor(ips, "10.0.0.2:5432")).isEqualTo("b");
        assertThat(UpstreamNames.nameFor(ips, "10.0.0.3:5432")).isEqualTo("10.0.0.3:5432");
    }
}
