package dev.vigil.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionedSqlTest {
    @Test
    void wholeLineCommentsStayInTheFileNotInWhatTheServerSees() {
        String sql = VersionedSql.load(dev.vigil.monitor.ClusterMonitor.class, "activity", new int[0], 170000);
        assertThat(sql).startsWith("SELECT").doesNotContain("--");
    }

    @Test
    void theHighestVariantNotAboveTheServerIsChosen() {
        Class<?> anchor = dev.vigil.monitor.ClusterMonitor.class;
        assertThat(VersionedSql.load(anchor, "lock_waits", new int[] {140000}, 130000)).contains("NULL::timestamptz");
        assertThat(VersionedSql.load(anchor, "lock_waits", new int[] {140000}, 140000)).contains("l.waitstart");
    }
}
