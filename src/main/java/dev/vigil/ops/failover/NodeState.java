package dev.vigil.ops.failover;

import dev.vigil.sql.Lsn;
import java.util.Optional;

/**
 * One node as switchover and failover planning read it ({@code node_state.sql}).
 *
 * @param currentLsn  the primary's insert position (empty on a standby)
 * @param pauseState  {@code not paused}, {@code pause requested} or {@code paused}
 * @param replayAgeS  seconds since the last replayed transaction's commit (empty on a primary or before any)
 * @param primarySlotName the physical slot a standby streams through (empty when none)
 */
public record NodeState(String node, String version, int versionNum, boolean inRecovery, Optional<Lsn> currentLsn,
                        Optional<Lsn> receiveLsn, Optional<Lsn> replayLsn, String pauseState,
                        Optional<Double> replayAgeS, Optional<Integer> timeline, Optional<String> receiverStatus,
                        Optional<String> senderHost, Optional<Integer> senderPort, String primaryConninfo,
                        boolean hotStandby, int maxWalSenders, int maxReplicationSlots,
                        String synchronousStandbyNames, String clusterName, boolean dataChecksums,
                        boolean walLogHints, String primarySlotName) {

    public boolean primary() {
        return !inRecovery;
    }

    public boolean streaming() {
        return receiverStatus.filter("streaming"::equals).isPresent();
    }

    public boolean replayPaused() {
        return !pauseState.equals("not paused");
    }

    /** How far this node has WAL: insert position on a primary, received (or replayed) position on a standby. */
    public Optional<Lsn> walEnd() {
        if (!inRecovery) {
            return currentLsn;
        }
        if (receiveLsn.isPresent() && replayLsn.isPresent()) {
            return Optional.of(receiveLsn.get().compareTo(replayLsn.get()) >= 0 ? receiveLsn.get() : replayLsn.get());
        }
        return receiveLsn.or(() -> replayLsn);
    }
}
