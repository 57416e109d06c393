package dev.vigil.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of ARCHITECTURE.md: only the UI touches JavaFX, the core never reaches up into UI or CLI, and
 * every package imports only what the guide's "may import" column allows ({@link #theGuidesAllowLists}, with
 * the exceptions of ADR 0033).
 */
@AnalyzeClasses(packages = "dev.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String LOW_LEVEL = "Low-level (sql, libpq, os)";

    /**
     * The guide's package table, one layer per row. Low-level helpers may be used by every layer (ADR 0033: the
     * one identifier quoting helper and the one process runner are everyone's). A package the table does not
     * place fails the rule: add it to the guide and here.
     */
    @ArchTest
    static final ArchRule theGuidesAllowLists = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Launcher").definedBy(inExactly("dev.vigil"))
            .layer(LOW_LEVEL).definedBy("dev.vigil.sql..", "dev.vigil.libpq..", "dev.vigil.os..")
            .layer("Journal").definedBy("dev.vigil.journal..")
            .layer("Lab").definedBy(in("dev.vigil.lab..").and(notIn("dev.vigil.lab.scenario..")))
            .layer("Training").definedBy("dev.vigil.lab.scenario..", "dev.vigil.train..")
            .layer("Cluster").definedBy("dev.vigil.cluster..")
            .layer("Monitor").definedBy("dev.vigil.monitor..")
            .layer("Locks").definedBy("dev.vigil.locks..")
            .layer("Alert").definedBy("dev.vigil.alert..")
            .layer("Recorder").definedBy("dev.vigil.recorder..")
            .layer("Ops").definedBy(in("dev.vigil.ops..").and(notIn("dev.vigil.ops.control..")))
            .layer("Ops control").definedBy("dev.vigil.ops.control..")
            .layer("Migrate").definedBy("dev.vigil.migrate..")
            .layer("CLI").definedBy("dev.vigil.cli..")
            .layer("UI").definedBy(in("dev.vigil.ui..").and(notIn("dev.vigil.ui.bench..")))
            .layer("Bench").definedBy("dev.vigil.bench..", "dev.vigil.ui.bench..")

            .whereLayer(LOW_LEVEL).mayNotAccessAnyLayer()
            .whereLayer("Journal").mayOnlyAccessLayers(LOW_LEVEL)
            .whereLayer("Lab").mayOnlyAccessLayers(LOW_LEVEL)
            .whereLayer("Training").mayOnlyAccessLayers("Lab", "Cluster", "Monitor", "Ops", "Ops control", "Migrate",
                    LOW_LEVEL)
            .whereLayer("Cluster").mayOnlyAccessLayers("Lab", LOW_LEVEL)
            .whereLayer("Monitor").mayOnlyAccessLayers("Cluster", LOW_LEVEL)
            .whereLayer("Locks").mayOnlyAccessLayers("Monitor", LOW_LEVEL)
            .whereLayer("Alert").mayOnlyAccessLayers("Monitor", "Locks", "Cluster", "Journal", LOW_LEVEL)
            .whereLayer("Recorder").mayOnlyAccessLayers("Monitor", "Locks", "Alert", "Journal", "Cluster", LOW_LEVEL)
            .whereLayer("Ops").mayOnlyAccessLayers("Cluster", "Monitor", "Locks", "Journal", "Ops control", LOW_LEVEL)
            .whereLayer("Ops control").mayOnlyAccessLayers("Ops", "Cluster", "Monitor", "Locks", "Journal", "Lab",
                    LOW_LEVEL)
            .whereLayer("Migrate").mayOnlyAccessLayers("Ops", "Cluster", "Monitor", "Locks", LOW_LEVEL)
            .whereLayer("CLI").mayOnlyAccessLayers("Journal", "Lab", "Training", "Cluster", "Monitor", "Locks",
                    "Alert", "Recorder", "Ops", "Ops control", "Migrate", "Bench", LOW_LEVEL)
            // UI, Bench and the Launcher may import anything; the bench is a tool, so no product code needs it.
            .whereLayer("Bench").mayOnlyBeAccessedByLayers("Launcher", "CLI")

            .ensureAllClassesAreContainedInArchitecture()
            .because("ARCHITECTURE.md gives each package an allow-list; ADR 0033 records where the rule differs");

    @ArchTest
    static final ArchRule lowLevelHelpersNeedOnlyTheJdk = classes()
            .that().resideInAnyPackage("dev.vigil.sql..", "dev.vigil.libpq..", "dev.vigil.os..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.postgresql..",
                    "dev.vigil.sql..", "dev.vigil.libpq..", "dev.vigil.os..")
            .because("the guide's table: sql, libpq and os import the JDK and JDBC only");

    @ArchTest
    static final ArchRule theJournalNeedsTheJdkJacksonAndPrivateFiles = classes()
            .that().resideInAPackage("dev.vigil.journal..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "dev.vigil.journal..", "dev.vigil.os..")
            .because("the guide's table (JDK, Jackson) and ADR 0033 (os for its owner-only file)");

    @ArchTest
    static final ArchRule locksReadOnlyTheMonitorsRecords = noClasses()
            .that().resideInAPackage("dev.vigil.locks..")
            .should().dependOnClassesThat(in("dev.vigil.monitor..").and(DescribedPredicate.not(records())))
            .because("the guide's table: locks may import monitor's records, never a sampler or collector");

    private static DescribedPredicate<JavaClass> in(String packageIdentifier) {
        return JavaClass.Predicates.resideInAPackage(packageIdentifier);
    }

    private static DescribedPredicate<JavaClass> notIn(String packageIdentifier) {
        return JavaClass.Predicates.resideOutsideOfPackage(packageIdentifier);
    }

    private static DescribedPredicate<JavaClass> inExactly(String packageName) {
        return DescribedPredicate.describe("in package " + packageName, c -> c.getPackageName().equals(packageName));
    }

    private static DescribedPredicate<JavaClass> records() {
        return DescribedPredicate.describe("records", JavaClass::isRecord);
    }

    @ArchTest
    static final ArchRule onlyTheUiImportsJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.vigil.ui..", "dev.vigil.bench..")
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
            .that().resideInAPackage("dev.vigil.ops.workflow..")
            .should().dependOnClassesThat(in("dev.vigil.ops..").and(notIn("dev.vigil.ops.workflow..")))
            .because("switchover, failover and rollback plug into the one engine without changing it");

    @ArchTest
    static final ArchRule cliDoesNotUseTheUi = noClasses()
            .that().resideInAPackage("dev.vigil.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.vigil.ui..");

    /**
     * The window by feature (ADR 0034): a feature package never imports another one. They meet in
     * {@code ui.common} (view-models and shared parts), draw with {@code ui.charts}, and confirm actions in the one
     * workflow dialog ({@code ui.workflow}); only {@code ui.shell}, which builds the window, knows every feature.
     */
    @ArchTest
    static final ArchRule uiFeaturesMeetOnlyInCommon = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition
            .slices().matching("dev.vigil.ui.(*)..").should().notDependOnEachOther()
            .ignoreDependency(in("dev.vigil.ui.shell.."), DescribedPredicate.alwaysTrue())
            .ignoreDependency(DescribedPredicate.alwaysTrue(), in("dev.vigil.ui.common.."))
            .ignoreDependency(DescribedPredicate.alwaysTrue(), in("dev.vigil.ui.charts.."))
            .ignoreDependency(DescribedPredicate.alwaysTrue(), in("dev.vigil.ui.workflow.."))
            .because("a newcomer reads one feature at a time; features share through ui.common only");
}
