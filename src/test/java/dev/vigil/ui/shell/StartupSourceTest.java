package dev.vigil.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.lab.LabSettings;
import dev.vigil.monitor.SampleFeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupSourceTest {
    @TempDir
    Path dir;

    private LabSettings emptyLabBase() throws Exception {
        Path base = Files.createDirectories(dir.resolve("labs"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new LabSettings(base, Optional.empty());
    }

    @Test
    void configuredClustersAreWatchedInsteadOfADemoLab() throws Exception {
        Path config = Files.writeString(dir.resolve("clusters.yaml"), """
                clusters:
                  - name: prod
                    sslmode: disable
                    nodes:
                      - {name: db1, host: 127.0.0.1, port: 1}
                """);
        StartupSource source = new StartupSource(config, emptyLabBase());
        try {
            List<SampleFeed> feeds = source.open();
            assertThat(feeds).singleElement().satisfies(f -> assertThat(f.cluster().name()).isEqualTo("prod"));
            assertThat(source.description()).isEqualTo("1 cluster from clusters.yaml · 1 inventory problem (vigil inventory)");
        } finally {
            source.close();
        }
    }

    @Test
    void aConfigWithOnlyErrorsFailsWithTheProblemsRatherThanStartingADemo() throws Exception {
        Path config = Files.writeString(dir.resolve("clusters.yaml"), "clusters:\n  - name: x\n    nodes: []\n");
        StartupSource source = new StartupSource(config, emptyLabBase());
        assertThatThrownBy(source::open).hasMessageContaining("clusters.yaml:3").hasMessageContaining("nodes");
        source.close();
    }
}
