package dev.vigil.lab.host;

import dev.vigil.sql.Lsn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few facts of {@code global/pg_control} the lab needs, read directly because the embedded binaries ship
 * no {@code pg_controldata}: whether the server shut down cleanly, where its last checkpoint is, and its timeline.
 *
 * <p>The leading fields of ControlFileData have kept this layout since PostgreSQL 9.3: system identifier
 * (8 bytes), control and catalog versions (4 + 4), state (4, then 4 of padding), time (8), checkpoint LSN (8),
 * then the checkpoint copy, whose redo LSN (8) is followed by its timeline (4). Host byte order.
 */
public record ControlFile(long systemIdentifier, State state, Lsn checkpoint, int timeline) {

    public enum State {
        STARTING_UP, SHUT_DOWN, SHUT_DOWN_IN_RECOVERY, SHUTTING_DOWN, IN_CRASH_RECOVERY, IN_ARCHIVE_RECOVERY,
        IN_PRODUCTION, UNKNOWN;

        /** Cleanly stopped: a standby can take over from here without losing what this server wrote. */
        public boolean isCleanShutdown() {
            return this == SHUT_DOWN || this == SHUT_DOWN_IN_RECOVERY;
        }
    }

    public static ControlFile read(Path dataDir) {
        Path file = dataDir.resolve("global/pg_control");
        try {
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder());
            long sysId = buf.getLong(0);
            int state = buf.getInt(16);
            long checkpoint = buf.getLong(32);
            int timeline = buf.getInt(48);
            State[] states = State.values();
            State s = state >= 0 && state < states.length - 1 ? states[state] : State.UNKNOWN;
            return new ControlFile(sysId, s, new Lsn(checkpoint), timeline);
        } catch (IOException e) {
            throw new LabException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
