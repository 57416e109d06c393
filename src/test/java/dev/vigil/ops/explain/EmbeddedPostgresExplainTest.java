package dev.vigil.ops.explain;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresExplainTest extends ExplainBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
