package dev.vigil.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.migrate.history.HistoryRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndoMarkerTest {
    private static HistoryRow row(String type) {
        return new HistoryRow(1, Optional.of("1"), "d", type, "x.sql", Optional.of(1), "u", Instant.EPOCH, 1, true);
    }

    @Test
    void autoWritesWhatEveryFlywayReadsUnlessTheHistoryAlreadySpeaksTeams() {
        assertThat(UndoMarker.AUTO.typeFor(List.of(row("SQL")))).isEqualTo("DELETE");
        assertThat(UndoMarker.AUTO.typeFor(List.of(row("SQL"), row("UNDO_SQL")))).isEqualTo("UNDO_SQL");
        assertThat(UndoMarker.DELETE.typeFor(List.of(row("UNDO_SQL")))).isEqualTo("DELETE");
        assertThat(UndoMarker.UNDO_SQL.typeFor(List.of())).isEqualTo("UNDO_SQL");
        assertThat(row("DELETE").undoes()).isTrue();
        assertThat(row("UNDO_SQL").undoes()).isTrue();
        assertThat(row("SQL").applies()).isTrue();
        assertThat(row("BASELINE").applies()).isFalse();
    }
}
