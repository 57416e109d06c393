package dev.vigil.lab;

import dev.vigil.lab.host.PgBinaries;
import dev.vigil.lab.host.ServiceUser;
import java.nio.file.Path;

/** What every node of a lab shares: binaries, the user servers run as, roles, and the servers' password file. */
record LabContext(PgBinaries binaries, ServiceUser user, LabCredentials credentials, Path replicationPgpass) {
}
