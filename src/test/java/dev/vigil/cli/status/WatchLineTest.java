package dev.vigil.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitor.replication.ReceiverState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The watch line's standby part: a standby that is not streaming has no "0 B" lag, and no lag is "-0.0s". */
class WatchLineTest {
    private static ReceiverState receiver(Optional<String> status, Optional<Long> backlog, Optional<Double> delay) {
        return new ReceiverState(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), backlog, false, Optional.empty(), delay);
    }

    @Test
    void aStandbyThatIsNotStreamingSaysSoInsteadOfZeroBytes() {
        assertThat(WatchCommand.receiver(receiver(Optional.of("waiting"), Optional.of(0L), Optional.of(0.0))))
                .isEqualTo(" NOT-STREAMING(waiting)").doesNotContain("0B");
        assertThat(WatchCommand.receiver(receiver(Optional.empty(), Optional.of(0L), Optional.empty())))
                .isEqualTo(" NOT-STREAMING(no WAL receiver)");
    }

    @Test
    void replayAHairAheadOfTheClockIsNoLagNotMinusZero() {
        assertThat(WatchCommand.receiver(receiver(Optional.of("streaming"), Optional.of(0L), Optional.of(-0.04))))
                .isEqualTo(" lag=0B/0.0s");
        assertThat(WatchCommand.receiver(receiver(Optional.of("streaming"), Optional.of(4096L), Optional.of(1.26))))
                .isEqualTo(" lag=4096B/1.3s");
    }
}
