package dev.vigil.ops.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void plainWordsStayBareAndTheRestIsSingleQuoted() {
        assertThat(ShellWords.join(List.of("ssh", "db1", "sudo", "systemctl", "stop", "postgresql@17-main")))
                .isEqualTo("ssh db1 sudo systemctl stop postgresql@17-main");
        assertThat(ShellWords.join(List.of("pg_rewind", "-D", "/var/lib/postgresql/17/main",
                "--source-server=host=db2 port=5432 user=rewinder")))
                .isEqualTo("pg_rewind -D /var/lib/postgresql/17/main '--source-server=host=db2 port=5432 user=rewinder'");
        assertThat(ShellWords.join(List.of("printf", "%s", "db2; rm -rf /", "it's", "", "$HOME", "~", "a*")))
                .isEqualTo("printf %s 'db2; rm -rf /' 'it'\\''s' '' '$HOME' '~' 'a*'");
    }

    @Test
    void aFirstWordWithAnEqualsSignIsQuotedSoItIsNotAnAssignment() {
        assertThat(ShellWords.join(List.of("A=1", "B=2"))).isEqualTo("'A=1' B=2");
    }
}
