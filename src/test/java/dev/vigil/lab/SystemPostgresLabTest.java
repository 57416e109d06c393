package dev.vigil.lab;

import java.nio.file.Path;
import java.util.Optional;

/** The lab on this machine's own PostgreSQL (15 here), where it has one; skipped, visibly, where not. */
class SystemPostgresLabTest extends LabClusterBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("lab tests on system PostgreSQL");
    }
}
