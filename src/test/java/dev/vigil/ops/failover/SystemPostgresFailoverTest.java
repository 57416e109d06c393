package dev.vigil.ops.failover;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresFailoverTest extends FailoverBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("failover tests on system PostgreSQL");
    }
}
