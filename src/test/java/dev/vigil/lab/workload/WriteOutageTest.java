package dev.vigil.lab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteOutageTest {
    private static AckedCommit at(long millis) {
        return new AckedCommit(UUID.randomUUID(), Instant.EPOCH.plusMillis(millis), millis * 1_000_000);
    }

    @Test
    void longestSilenceOverlappingTheWindowIsTheOutage() {
        List<AckedCommit> acks = List.of(at(0), at(10), at(20), at(30), at(260), at(270), at(280));
        var gap = WriteOutage.longestGap(acks, ms(25), ms(200)).orElseThrow();
        assertThat(gap.duration().toMillis()).isEqualTo(230);
        assertThat(gap.before().nanoTime()).isEqualTo(ms(30));
        assertThat(gap.after().nanoTime()).isEqualTo(ms(260));
    }

    @Test
    void aLongerGapOutsideTheWindowIsIgnored() {
        List<AckedCommit> acks = List.of(at(0), at(1000), at(1010), at(1100), at(1110));
        var gap = WriteOutage.longestGap(acks, ms(1020), ms(1050)).orElseThrow();
        assertThat(gap.duration().toMillis()).isEqualTo(90);
    }

    @Test
    void orderOfTheLogDoesNotMatter() {
        List<AckedCommit> acks = List.of(at(300), at(0), at(100), at(50));
        assertThat(WriteOutage.longestGap(acks, 0, ms(400)).orElseThrow().duration().toMillis()).isEqualTo(200);
    }

    @Test
    void nothingToMeasureWithoutTwoAcknowledgements() {
        assertThat(WriteOutage.longestGap(List.of(at(5)), 0, ms(10))).isEmpty();
        assertThat(WriteOutage.longestGap(List.of(), 0, ms(10))).isEmpty();
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }
}
