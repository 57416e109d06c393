package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `vigil bench switchover` end to end on a real lab, cut down to one switchover and one floor measurement. */
class SwitchoverBenchTest {

    @Test
    void oneRoundOfEveryMeasurementLosesNoAcknowledgedCommitInTheSwitchover() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VigilCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "switchover", "--runs", "1", "--floor", "1", "--json");
        System.out.println("[bench switchover] " + out);
        JsonNode json = Json.MAPPER.readTree(out.toString());
        String failoverOutcome = json.get("failover").get("outcome").asText();
        if (failoverOutcome.equals("NOT_VERIFIED") && onlyCatchingUp(err.toString())) {
            // The failover's verification can catch a just re-pointed standby in 'catchup' (a known race there);
            // the promotion is done and measured all the same, and the exit code says a workflow was not verified.
            assertThat(exit).isEqualTo(3);
        } else {
            assertThat(exit).as(err.toString()).isZero();
            assertThat(failoverOutcome).isEqualTo("SUCCEEDED");
        }
        JsonNode run = json.get("switchovers").get(0);
        assertThat(run.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("lost").asInt()).isZero();
        assertThat(run.get("writeOutageMillis").asLong()).isPositive();
        assertThat(run.get("confirmToVerifiedMillis").asLong()).isGreaterThanOrEqualTo(run.get("writeOutageMillis")
                .asLong() / 2);
        assertThat(run.get("steps").size()).isGreaterThanOrEqualTo(6);
        assertThat(json.get("floor").get(0).get("writeOutageMillis").asLong()).isPositive();
        JsonNode failover = json.get("failover");
        assertThat(failover.get("confirmToWritableMillis").asLong()).isPositive();
        assertThat(failover.get("confirmToFirstWriteMillis").asLong()).isPositive();
        assertThat(failover.get("lost").asInt()).isNotNegative();
        assertThat(json.get("rejoin").get("outcome").asText()).isEqualTo("SUCCEEDED");
    }

    /** Whether the only verification that failed saw a standby still in 'catchup' right after its re-point. */
    static boolean onlyCatchingUp(String output) {
        java.util.List<String> failed = output.lines().filter(l -> l.contains("[FAIL]") || l.contains("verification failed"))
                .toList();
        return !failed.isEmpty() && failed.stream().allMatch(l -> l.contains("catchup"));
    }
}
