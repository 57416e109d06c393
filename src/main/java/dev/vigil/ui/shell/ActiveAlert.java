package dev.vigil.ui.shell;

import dev.vigil.alert.Finding;
import dev.vigil.alert.Severity;
import java.time.Instant;

/** An alert that is raised now, as the alert strip shows it. */
public record ActiveAlert(String cluster, Finding finding, Instant since) {

    public Severity severity() {
        return finding.severity();
    }

    public String where() {
        return finding.node().isEmpty() ? cluster : cluster + " / " + finding.node();
    }
}
