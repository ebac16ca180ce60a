package kit.grader.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The grader's own layering. The library's rules are not here: they are an allow-list read from
 * the class files by the gate ({@code kit.grader.tools.Gate}, {@code Rules}) before any student code runs.
 *
 * <pre>
 *   report   the reports and the verdict          uses scoring
 *   scoring  points, outcomes, the test JVMs      uses neither report nor check
 *   check    gradient checks, contracts, seeds    uses the library's core only
 *   tools    the generator and the gate           uses the JDK only (it runs with the JDK alone); the
 *                                                 verdict calls the gate to compile the library again
 *                                                 with a runaway method's stub
 * </pre>
 */
@Tag("selfcheck")
@DisplayName("The grader's layers")
class GraderLayersTest {
    private static JavaClasses grader;

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kit.grader");
    }

    @Test
    void report_uses_scoring_and_scoring_never_uses_report() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("report").definedBy("kit.grader.report..")
                .layer("scoring").definedBy("kit.grader.scoring..")
                .layer("check").definedBy("kit.grader.check..")
                .layer("tools").definedBy("kit.grader.tools..")
                .whereLayer("report").mayNotBeAccessedByAnyLayer()
                .whereLayer("scoring").mayOnlyBeAccessedByLayers("report")
                .whereLayer("check").mayNotBeAccessedByAnyLayer()
                .whereLayer("tools").mayOnlyBeAccessedByLayers("report")
                .because("the reports are built from what scoring recorded, never the other way round")
                .check(grader);
    }

    @Test
    void the_tools_need_nothing_but_the_JDK() {
        noClasses().that().resideInAPackage("kit.grader.tools..")
                .should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "javax..", "com.sun.source..", "kit.grader.tools..")
                .because("the generator and the gate run with the JDK alone (javac's tree API is the JDK's, "
                        + "module jdk.compiler), before anything is compiled")
                .check(grader);
    }

    @Test
    void the_checks_know_nothing_of_scoring_or_reports() {
        noClasses().that().resideInAPackage("kit.grader.check..")
                .should().dependOnClassesThat().resideInAnyPackage("kit.grader.scoring..", "kit.grader.report..",
                        "kit.grader.tools..")
                .because("a check says whether code is right; how that is scored and shown is another layer's job")
                .check(grader);
    }
}
