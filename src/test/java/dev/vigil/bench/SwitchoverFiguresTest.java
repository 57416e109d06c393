package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.bench.SwitchoverFigures.Failover;
import dev.vigil.bench.SwitchoverFigures.FloorRun;
import dev.vigil.bench.SwitchoverFigures.Goal;
import dev.vigil.bench.SwitchoverFigures.Rejoin;
import dev.vigil.bench.SwitchoverFigures.Run;
import dev.vigil.bench.SwitchoverFigures.StepTime;
import dev.vigil.cli.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure parts of `vigil bench switchover`: medians, goals, and the text and JSON forms. */
class SwitchoverFiguresTest {

    private static Run run(int n, long outage, long verified, int lost, String outcome) {
        return new Run(n, "pg1", "pg2", outcome, 300, outage, verified, 100, lost,
                List.of(new StepTime(1, "Checkpoint pg1", 30), new StepTime(2, "Stop pg1 cleanly", 120)));
    }

    private static Failover failover(long firstWrite) {
        return new Failover("pg2", "pg1", "SUCCEEDED", "PASS: none known", 20, 80, 150, firstWrite, 300, 1500, 400, 2,
                List.of(new StepTime(1, "Fence pg2", 2)));
    }

    @Test
    void mediansTakeTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(SwitchoverFigures.median(List.of())).isZero();
        assertThat(SwitchoverFigures.median(List.of(300L, 250L, 900L))).isEqualTo(300);
        assertThat(SwitchoverFigures.median(List.of(10L, 1L, 2L, 3L))).isEqualTo(3); // (2 + 3) / 2 rounded
        assertThat(SwitchoverFigures.median(List.of(200L, 400L))).isEqualTo(300);
        SwitchoverFigures.Medians m = SwitchoverFigures.medians(List.of(run(1, 260, 800, 0, "SUCCEEDED"),
                run(2, 330, 650, 1, "SUCCEEDED"), run(3, 250, 890, 0, "SUCCEEDED")));
        assertThat(m.writeOutageMillis()).isEqualTo(260);
        assertThat(m.confirmToVerifiedMillis()).isEqualTo(800);
        assertThat(m.lostTotal()).isEqualTo(1);
    }

    @Test
    void goalsAreMetOnlyWhenEverySwitchoverSucceededWithinTheLimits() {
        List<Run> good = List.of(run(1, 260, 800, 0, "SUCCEEDED"), run(2, 330, 650, 0, "SUCCEEDED"));
        assertThat(SwitchoverFigures.goals(good, Optional.of(failover(700)))).extracting(Goal::met)
                .containsExactly(true, true, true);
        List<Goal> slow = SwitchoverFigures.goals(List.of(run(1, 700, 900, 0, "SUCCEEDED")), Optional.of(failover(1200)));
        assertThat(slow).extracting(Goal::met).containsExactly(false, true, false);
        assertThat(slow.get(2).measured()).isEqualTo("1200 ms");
        List<Goal> lost = SwitchoverFigures.goals(List.of(run(1, 200, 900, 1, "SUCCEEDED")), Optional.empty());
        assertThat(lost).extracting(Goal::met).containsExactly(true, false, false);
        assertThat(lost.get(2).measured()).isEqualTo("not measured");
        assertThat(SwitchoverFigures.goals(List.of(run(1, 200, 900, 0, "FAILED")), Optional.of(failover(-1))))
                .extracting(Goal::met).containsExactly(false, false, false);
    }

    private static SwitchoverFigures figures() {
        List<Run> runs = List.of(run(1, 260, 800, 0, "SUCCEEDED"), run(2, 300, 700, 0, "SUCCEEDED"));
        Optional<Failover> f = Optional.of(failover(700));
        return new SwitchoverFigures("PostgreSQL 17.6", 2, "150 tx/s", runs, SwitchoverFigures.medians(runs),
                List.of(new FloorRun(1, "pg2", "pg1", 200, 100, 90, 0)), Optional.of(200L), Optional.of(1.4), f,
                Optional.of(new Rejoin("pg2", "reclone", "SUCCEEDED", 750, List.of())),
                SwitchoverFigures.goals(runs, f), SwitchoverFigures.REFERENCES);
    }

    @Test
    void jsonHasEveryFigureByName() throws Exception {
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(figures()));
        assertThat(json.get("switchovers")).hasSize(2);
        JsonNode first = json.get("switchovers").get(0);
        assertThat(first.get("writeOutageMillis").asLong()).isEqualTo(260);
        assertThat(first.get("confirmToVerifiedMillis").asLong()).isEqualTo(800);
        assertThat(first.get("lost").asInt()).isZero();
        assertThat(first.get("steps").get(1).get("title").asText()).isEqualTo("Stop pg1 cleanly");
        assertThat(json.get("medians").get("writeOutageMillis").asLong()).isEqualTo(280);
        assertThat(json.get("floor").get(0).get("writeOutageMillis").asLong()).isEqualTo(200);
        assertThat(json.get("floorMedianOutageMillis").asLong()).isEqualTo(200);
        assertThat(json.get("workflowOverFloor").asDouble()).isEqualTo(1.4);
        assertThat(json.get("failover").get("confirmToFirstWriteMillis").asLong()).isEqualTo(700);
        assertThat(json.get("failover").get("lost").asInt()).isEqualTo(2);
        assertThat(json.get("rejoin").get("method").asText()).isEqualTo("reclone");
        assertThat(json.get("goals")).hasSize(3);
        assertThat(json.get("goals").get(0).get("met").asBoolean()).isTrue();
        assertThat(json.get("references")).hasSize(3);
        assertThat(json.get("references").get(1).get("figure").asText()).isEqualTo("1.30-1.40 s");
    }

    @Test
    void textPutsTheGoalsAndReferencesBesideTheFigures() {
        StringWriter text = new StringWriter();
        figures().print(new PrintWriter(text, true));
        assertThat(text.toString()).contains("run 1 pg1 -> pg2 SUCCEEDED: write outage  260 ms",
                "median: write outage 280 ms", "workflow / floor = 1.40", "confirmation to first acknowledged write "
                        + "on pg1: 700 ms", "acknowledged commits lost: 2 of 400 the old primary acknowledged", "[met] median switchover write "
                        + "outage <= 500 ms: 280 ms", "Patroni 3.0.2", "160-208 ms", "~0.16 s");
    }

    @Test
    void theFailoverGoalNeedsTheWorkflowToHaveSucceeded() {
        Failover failed = new Failover("pg2", "pg1", "FAILED", "PASS: none known", 20, 80, 150, 700, 300, 1500, 400, 0,
                List.of());
        Goal goal = SwitchoverFigures.failoverGoal(failed);
        assertThat(goal.met()).as("a write 700 ms after a failed failover").isFalse();
        assertThat(goal.measured()).isEqualTo("700 ms, but the failover's outcome was FAILED");
        Goal unknown = SwitchoverFigures.failoverGoal(new Failover("pg2", "pg1", "RESULT_UNKNOWN", "", 20, 80, 150, 300, 300,
                1500, 400, 0, List.of()));
        assertThat(unknown.met()).isFalse();
        assertThat(SwitchoverFigures.failoverGoal(failover(700)).met()).isTrue();
        assertThat(SwitchoverFigures.failoverGoal(failover(1001)).met()).isFalse();
        assertThat(SwitchoverFigures.goals(List.of(run(1, 260, 800, 0, "SUCCEEDED")), Optional.of(failed)))
                .extracting(Goal::met).containsExactly(true, true, false);
    }

    @Test
    void theFixedFloorReferenceDoesNotClaimThisMachine() {
        SwitchoverFigures.Reference floor = SwitchoverFigures.REFERENCES.get(0);
        assertThat(floor.figure()).isEqualTo("160-208 ms");
        assertThat(floor.source()).doesNotContain("this machine's lab").contains("development machine");
    }
}
