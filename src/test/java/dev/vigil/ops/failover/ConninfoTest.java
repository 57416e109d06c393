package dev.vigil.ops.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConninfoTest {
    @Test
    void readsPlainAndQuotedValuesWithEscapes() {
        Conninfo c = Conninfo.parse("host=db1 port = 5432 user=replicator passfile='/var/lib/my dir/.pgpass' "
                + "application_name=pg2 options='-c x=it\\'s'");
        assertThat(c.get("host")).contains("db1");
        assertThat(c.get("port")).contains("5432");
        assertThat(c.get("passfile")).contains("/var/lib/my dir/.pgpass");
        assertThat(c.get("options")).contains("-c x=it's");
    }

    @Test
    void pointedAtChangesOnlyWhereAndWhoAndDropsHostaddr() {
        Conninfo c = Conninfo.parse("host=db1 hostaddr=10.0.0.1 port=5432 user=replicator sslmode=verify-full "
                + "application_name=pg2");
        Conninfo moved = c.pointedAt("db3", 6543, "pg1");
        assertThat(moved.values()).containsEntry("host", "db3").containsEntry("port", "6543")
                .containsEntry("application_name", "pg1").containsEntry("user", "replicator")
                .containsEntry("sslmode", "verify-full").doesNotContainKey("hostaddr");
        assertThat(c.values()).containsEntry("host", "db1");
    }

    @Test
    void rendersSoThatParsingGivesTheSameValuesBack() {
        Conninfo c = Conninfo.parse("host=db1 passfile='/a b/p\\'q' application_name=x options='-c a=\\\\b'");
        assertThat(Conninfo.parse(c.render())).isEqualTo(c);
        assertThat(c.render()).contains("passfile='/a b/p\\'q'");
    }

    @Test
    void masksAPasswordForPlansAndJournals() {
        Conninfo c = Conninfo.parse("host=db1 user=r password=s3cret");
        assertThat(c.renderMasked()).doesNotContain("s3cret").contains("password=********");
        assertThat(c.render()).contains("password=s3cret");
    }

    @Test
    void refusesWhatItCannotRewrite() {
        assertThatThrownBy(() -> Conninfo.parse("postgresql://db1/x")).hasMessageContaining("URI");
        assertThatThrownBy(() -> Conninfo.parse("host")).hasMessageContaining("no value");
        assertThatThrownBy(() -> Conninfo.parse("host='db1")).hasMessageContaining("closing quote");
    }

    @Test
    void alterSystemDollarQuotesWithATagTheValueDoesNotHold() {
        assertThat(SetConninfo.sql("host=a")).isEqualTo("ALTER SYSTEM SET primary_conninfo = $vigil$host=a$vigil$");
        assertThat(SetConninfo.sql("options='$vigil$'")).endsWith("$vigil1$options='$vigil$'$vigil1$");
    }
}
