package dev.vigil.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The allow-list rule itself: it reports a dependency the guide does not allow, naming the classes. */
class LayeringRuleTest {

    @Test
    void aDependencyOutsideTheAllowListIsReported() throws Exception {
        JavaClasses classes = new ClassFileImporter().importClasses(
                Class.forName("dev.vigil.journal.LayeringFixtureReachingIntoTheMonitor"),
                Class.forName("dev.vigil.ops.LayeringFixtureReachingIntoTheLab"),
                dev.vigil.monitor.NodeSample.class, dev.vigil.lab.LabNode.class,
                dev.vigil.ops.control.LabNodeControl.class, dev.vigil.journal.Journal.class,
                dev.vigil.os.PrivateFiles.class);

        EvaluationResult result = LayeringTest.theGuidesAllowLists.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("LayeringFixtureReachingIntoTheMonitor", "dev.vigil.monitor.NodeSample",
                "LayeringFixtureReachingIntoTheLab", "dev.vigil.lab.LabNode");
        assertThat(report).as("ops.control may use the lab; the journal may use os")
                .doesNotContain("LabNodeControl", "<dev.vigil.journal.Journal");
    }
}
