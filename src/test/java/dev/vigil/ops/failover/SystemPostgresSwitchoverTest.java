package dev.vigil.ops.failover;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresSwitchoverTest extends SwitchoverBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("switchover tests on system PostgreSQL");
    }
}
