package dev.vigil.ops.explain;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresExplainTest extends ExplainBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("explain tests on system PostgreSQL");
    }
}
