package dev.vigil.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/** The lab on this machine's own PostgreSQL (15 here), where it has one; skipped, visibly, where not. */
class SystemPostgresLabTest extends LabClusterBehaviour {
    private static final Optional<Path> SYSTEM = PgBinaries.systemInstallation();

    @BeforeAll
    static void requireSystemInstallation() {
        if (SYSTEM.isEmpty()) {
            System.out.println("[lab] SKIPPED: no system PostgreSQL under /usr/lib/postgresql/*/bin; "
                    + "the lab is tested on the Maven binaries only.");
        }
        assumeTrue(SYSTEM.isPresent(), "no system PostgreSQL under /usr/lib/postgresql/*/bin");
    }

    @Override
    Optional<Path> pgBin() {
        return SYSTEM;
    }
}
