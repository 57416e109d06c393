package dev.vigil.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of ARCHITECTURE.md: only the UI touches JavaFX, and the core never reaches up into UI or CLI. */
@AnalyzeClasses(packages = "dev.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyTheUiImportsJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.vigil.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.jfree.chart.fx..")
            .because("core packages must run headless: the CLI and tests drive them without a display");

    @ArchTest
    static final ArchRule coreDoesNotDependOnUiOrCli = noClasses()
            .that().resideInAnyPackage("dev.vigil.lab..", "dev.vigil.cluster..", "dev.vigil.monitor..",
                    "dev.vigil.locks..", "dev.vigil.alert..", "dev.vigil.ops..", "dev.vigil.migrate..",
                    "dev.vigil.journal..", "dev.vigil.sql..", "dev.vigil.libpq..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.ui..", "dev.vigil.cli..");

    @ArchTest
    static final ArchRule labDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.vigil.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.cluster..", "dev.vigil.monitor..",
                    "dev.vigil.ops..", "dev.vigil.journal..")
            .because("the lab sits at the bottom: JDK, JDBC and its own pool only");

    @ArchTest
    static final ArchRule collectorsDoNotDependOnAnalysis = noClasses()
            .that().resideInAPackage("dev.vigil.monitor..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.locks..", "dev.vigil.alert..")
            .because("data flows one way: collectors produce records, analysis reads them");

    @ArchTest
    static final ArchRule journalNeedsOnlyTheJdk = noClasses()
            .that().resideInAPackage("dev.vigil.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.lab..", "dev.vigil.cluster..",
                    "dev.vigil.monitor..", "dev.vigil.alert..", "dev.vigil.ops..")
            .because("the timeline must be writable from anywhere, including a failing workflow");

    @ArchTest
    static final ArchRule actionsDoNotDependOnAlerts = noClasses()
            .that().resideInAPackage("dev.vigil.ops..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.alert..", "dev.vigil.ui..", "dev.vigil.cli..",
                    "javafx..")
            .because("an action is planned from the servers' own answers, not from what an alert concluded");

    @ArchTest
    static final ArchRule theEngineKnowsNoWorkflow = noClasses()
            .that().resideInAPackage("dev.vigil.ops")
            .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.ops.*..")
            .because("switchover, failover and rollback plug into the one engine without changing it");

    @ArchTest
    static final ArchRule cliDoesNotUseTheUi = noClasses()
            .that().resideInAPackage("dev.vigil.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.vigil.ui..");
}
