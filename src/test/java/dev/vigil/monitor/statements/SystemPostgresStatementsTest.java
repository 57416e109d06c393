package dev.vigil.monitor.statements;

import dev.vigil.lab.TestBinaries;
import java.nio.file.Path;
import java.util.Optional;

class SystemPostgresStatementsTest extends StatementsBehaviour {
    @Override
    Optional<Path> pgBin() {
        return TestBinaries.systemOrSkip("statements tests on system PostgreSQL");
    }
}
