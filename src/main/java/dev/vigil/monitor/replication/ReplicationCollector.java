package dev.vigil.monitor.replication;

import static dev.vigil.monitor.Columns.text;
import static dev.vigil.monitor.Columns.time;

import dev.vigil.monitor.BatchedCollector;
import dev.vigil.monitor.MonitorSql;
import dev.vigil.sql.Lsn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads replication from both ends: downstream standbys and slots, and this node's own receiver. */
public final class ReplicationCollector extends BatchedCollector<ReplicationSnapshot> {
    public ReplicationCollector() {
        super("replication", 1, MonitorSql.REPLICATION_RECEIVER, MonitorSql.REPLICATION_DOWNSTREAM, MonitorSql.REPLICATION_SLOTS);
    }

    @Override
    public ReplicationSnapshot read(List<ResultSet> results, int serverVersionNum) throws SQLException {
        ResultSet receiverRow = results.get(0);
        receiverRow.next();
        Instant at = receiverRow.getTimestamp("server_now").toInstant();
        Optional<ReceiverState> receiver = receiverRow.getBoolean("in_recovery")
                ? Optional.of(receiver(receiverRow)) : Optional.empty();
        List<StandbyLink> downstream = new ArrayList<>();
        ResultSet links = results.get(1);
        while (links.next()) {
            downstream.add(link(links));
        }
        List<SlotState> slots = new ArrayList<>();
        ResultSet slotRows = results.get(2);
        while (slotRows.next()) {
            slots.add(new SlotState(text(slotRows, "slot_name"), text(slotRows, "slot_type"), slotRows.getBoolean("active"),
                    lsn(slotRows, "restart_lsn"), optionalLong(slotRows, "retained_bytes"), text(slotRows, "wal_status"),
                    optionalLong(slotRows, "safe_wal_size")));
        }
        return new ReplicationSnapshot(at, downstream, slots, receiver);
    }

    private static ReceiverState receiver(ResultSet rs) throws SQLException {
        return new ReceiverState(Optional.ofNullable(rs.getString("status")),
                Optional.ofNullable(rs.getString("sender_host")), Optional.ofNullable((Integer) rs.getObject("sender_port")),
                Optional.ofNullable((Integer) rs.getObject("received_tli")), time(rs, "last_msg_receipt_time"),
                lsn(rs, "receive_lsn"), lsn(rs, "replay_lsn"), optionalLong(rs, "replay_backlog_bytes"),
                rs.getBoolean("replay_paused"), time(rs, "last_replayed_commit"),
                optionalDouble(rs, "replay_delay_seconds"));
    }

    private static StandbyLink link(ResultSet rs) throws SQLException {
        return new StandbyLink(rs.getInt("pid"), text(rs, "application_name"), text(rs, "client_addr"),
                text(rs, "state"), text(rs, "sync_state"), lsn(rs, "sent_lsn"), lsn(rs, "write_lsn"),
                lsn(rs, "flush_lsn"), lsn(rs, "replay_lsn"), rs.getLong("sent_lag_bytes"),
                rs.getLong("write_lag_bytes"), rs.getLong("flush_lag_bytes"), rs.getLong("replay_lag_bytes"),
                optionalDouble(rs, "write_lag_seconds"), optionalDouble(rs, "flush_lag_seconds"),
                optionalDouble(rs, "replay_lag_seconds"), time(rs, "reply_time"));
    }

    private static Optional<Lsn> lsn(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(Lsn::parse);
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }
}
