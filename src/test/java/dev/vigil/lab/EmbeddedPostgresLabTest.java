package dev.vigil.lab;

import java.nio.file.Path;
import java.util.Optional;

/** The lab on the default binaries: PostgreSQL 17 from Maven. */
class EmbeddedPostgresLabTest extends LabClusterBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
