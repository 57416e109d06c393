package dev.vigil.monitor.statements;

import java.nio.file.Path;
import java.util.Optional;

class EmbeddedPostgresStatementsTest extends StatementsBehaviour {
    @Override
    Optional<Path> pgBin() {
        return Optional.empty();
    }
}
