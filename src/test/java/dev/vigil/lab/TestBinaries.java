package dev.vigil.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.lab.host.PgBinaries;
import java.nio.file.Path;
import java.util.Optional;

/** The binaries a test class runs on: the Maven default, or the machine's own PostgreSQL, skipped visibly. */
public final class TestBinaries {
    private static final Optional<Path> SYSTEM = PgBinaries.systemInstallation();

    private TestBinaries() {}

    /** The system bin directory; skips the calling test class with a printed reason where there is none. */
    public static Optional<Path> systemOrSkip(String what) {
        if (SYSTEM.isEmpty()) {
            System.out.println("[lab] SKIPPED " + what + ": no system PostgreSQL under /usr/lib/postgresql/*/bin; "
                    + "tested on the Maven binaries only.");
        }
        assumeTrue(SYSTEM.isPresent(), "no system PostgreSQL under /usr/lib/postgresql/*/bin");
        return SYSTEM;
    }
}
