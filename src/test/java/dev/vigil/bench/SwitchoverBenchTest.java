package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Json;
import dev.vigil.cli.VigilCli;
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
        assertThat(exit).as(err.toString()).isZero();
        assertThat(failoverOutcome).isEqualTo("SUCCEEDED");
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
}
