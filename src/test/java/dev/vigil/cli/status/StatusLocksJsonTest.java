package dev.vigil.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Json;
import dev.vigil.monitor.lockwaits.LockSession;
import dev.vigil.monitor.lockwaits.LockSnapshot;
import dev.vigil.monitor.lockwaits.WaitingLock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The locks part of `vigil status --json`: root blockers with who they are, waits that never say null. */
class StatusLocksJsonTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void rootBlockersCarryTheirDetailsAndAWaitWithoutATableSaysWhatItAwaits() throws Exception {
        LockSession root = new LockSession(10, List.of(), "deploy", "shop", "flyway", "idle in transaction", "Client",
                "ClientRead", Optional.of(NOW.minusSeconds(40)), Optional.of(NOW.minusSeconds(39)),
                "UPDATE shop.orders SET status = 'x'", Optional.empty());
        LockSession waiter = new LockSession(11, List.of(10), "app", "shop", "checkout", "active", "Lock",
                "transactionid", Optional.of(NOW.minusSeconds(3)), Optional.of(NOW.minusSeconds(3)),
                "UPDATE shop.orders SET status = 'y'", Optional.of(new WaitingLock("transactionid", "ShareLock",
                Optional.empty(), Optional.of("745"), Optional.of(NOW.minusSeconds(2)))));
        String json = Json.MAPPER.writeValueAsString(StatusReport.locks(new LockSnapshot(NOW, List.of(root, waiter))));
        JsonNode locks = Json.MAPPER.readTree(json);
        JsonNode r = locks.get("rootBlockers").get(0);
        assertThat(r.get("pid").asInt()).isEqualTo(10);
        assertThat(r.get("application").asText()).isEqualTo("flyway");
        assertThat(r.get("user").asText()).isEqualTo("deploy");
        assertThat(r.get("state").asText()).isEqualTo("idle in transaction");
        assertThat(r.get("transactionAgeSeconds").asDouble()).isEqualTo(40.0);
        assertThat(r.get("query").asText()).startsWith("UPDATE shop.orders");
        assertThat(r.get("description").asText()).startsWith("pid 10 (flyway, user deploy on shop, idle in transaction");
        JsonNode edge = locks.get("edges").get(0);
        assertThat(edge.get("awaited").asText()).isEqualTo("transaction 745 to end");
        assertThat(edge.has("table")).as(json).isFalse();
        assertThat(json).doesNotContain("null");
    }
}
