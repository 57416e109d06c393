package dev.vigil.monitor;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresSamplerTest extends SamplerBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("sampler tests on system PostgreSQL");
    }
}
