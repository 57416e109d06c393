package dev.vigil.monitor.lockwaits;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresLockWaitTest extends LockWaitBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("lock-wait tests on system PostgreSQL");
    }
}
