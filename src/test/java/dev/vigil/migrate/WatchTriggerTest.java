package dev.vigil.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchTriggerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final WatchTrigger trigger = new WatchTrigger(Guards.defaults().withWatch(5, Duration.ofSeconds(3)));

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void firesOnceMoreThanTheLimitHaveWaitedLongEnoughWhileAStatementRuns() {
        assertThat(trigger.observe(6, true, at(0))).isEmpty();
        assertThat(trigger.observe(6, true, at(2.9))).isEmpty();
        assertThat(trigger.observe(7, true, at(3.0))).hasValueSatisfying(why -> assertThat(why)
                .contains("7 sessions").contains("wait for 3 s").contains("more than 5"));
        assertThat(trigger.fired()).isTrue();
        assertThat(trigger.observe(7, true, at(3.2))).as("one cancel per firing").isEmpty();
    }

    @Test
    void theLimitItselfIsAllowedAndADipStartsTheClockAgain() {
        assertThat(trigger.observe(5, true, at(0))).isEmpty();
        assertThat(trigger.observe(6, true, at(1))).isEmpty();
        assertThat(trigger.observe(4, true, at(2))).isEmpty();
        assertThat(trigger.observe(6, true, at(3.5))).isEmpty();
        assertThat(trigger.observe(6, true, at(6))).isEmpty();
        assertThat(trigger.observe(6, true, at(6.5))).isPresent();
    }

    @Test
    void withNoStatementRunningItWaitsAndCancelsTheNextOne() {
        assertThat(trigger.observe(6, false, at(0))).isEmpty();
        assertThat(trigger.observe(6, false, at(4))).as("nothing a cancel could reach").isEmpty();
        assertThat(trigger.fired()).isFalse();
        assertThat(trigger.observe(6, true, at(4.2))).isPresent();
    }

    @Test
    void aCancelThatMissedBecauseTheStatementCompletedReArmsIt() {
        assertThat(trigger.observe(6, true, at(0))).isEmpty();
        assertThat(trigger.observe(6, true, at(3))).isPresent();
        trigger.statementEnded(true);
        assertThat(trigger.fired()).as("the statement completed: the cancel did not stop the migration").isFalse();
        assertThat(trigger.explains("57014", "canceling statement due to user request"))
                .as("the late cancel, landing on the next statement, is still the watch's").isTrue();
        assertThat(trigger.explains("57014", "canceling statement due to statement timeout")).isFalse();
        assertThat(trigger.explains("55P03", "lock timeout")).isFalse();
        assertThat(trigger.observe(6, true, at(3.2))).as("the next statement is cancelled at once").isPresent();
    }

    @Test
    void aStatementThatFailedAfterTheCancelKeepsItFiredForTheReport() {
        trigger.observe(6, true, at(0));
        trigger.observe(6, true, at(3));
        trigger.statementEnded(false);
        assertThat(trigger.fired()).isTrue();
        assertThat(trigger.reason()).contains("6 sessions");
        trigger.reset();
        assertThat(trigger.fired()).isFalse();
        assertThat(trigger.explains("57014", "canceling statement due to user request")).isFalse();
        assertThat(trigger.observe(6, true, at(3.5))).as("a new attempt starts the clock again").isEmpty();
    }
}
