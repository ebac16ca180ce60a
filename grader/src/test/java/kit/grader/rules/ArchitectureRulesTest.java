package kit.grader.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Timer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import kit.grader.tools.GenerateExercises;

/**
 * Rules on the library (solutions or your exercises): what it may depend on and what it may not
 * do, and the given code around the stubs. They keep the lessons in order and the grader
 * trustworthy; a broken rule sets the grade to 0.
 */
@Tag("rules")
@DisplayName("Architecture rules")
class ArchitectureRulesTest {
    static final String CORE = "kit.core..";
    static final String LESSONS = "kit.lesson*..";
    static final int LESSON_COUNT = 8;
    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().importPackages("kit.core", "kit.lesson1", "kit.lesson2", "kit.lesson3",
                "kit.lesson4", "kit.lesson5", "kit.lesson6", "kit.lesson7", "kit.lesson8");
    }

    @Test
    void the_library_never_depends_on_the_grader_or_test_libraries() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("kit.grader..", "org.junit..", "org.assertj..", "com.tngtech..")
                .because("the library must build and run without the grader, which judges it from outside")
                .check(library);
    }

    @Test
    void the_core_depends_on_no_lesson() {
        noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat().resideInAPackage(LESSONS)
                .because("every lesson builds on the core, so the core cannot build on a lesson")
                .check(library);
    }

    @Test
    void each_lesson_depends_only_on_the_core_and_earlier_lessons() {
        for (int n = 1; n <= LESSON_COUNT; n++) {
            List<String> allowed = new ArrayList<>(List.of("java..", CORE));
            for (int k = 1; k <= n; k++) {
                allowed.add("kit.lesson" + k + "..");
            }
            classes().that().resideInAPackage("kit.lesson" + n + "..")
                    .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                    .because("lesson " + n + " may build on the core and on the lessons before it, never on a later one")
                    .allowEmptyShould(true)
                    .check(library);
        }
    }

    @Test
    void the_library_uses_no_reflection() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..", "sun..", "jdk..")
                .orShould().callMethod(Class.class, "forName", String.class)
                .orShould().dependOnClassesThat().areAssignableTo(ClassLoader.class)
                .because("reflection could reach into the grader and change what it sees")
                .check(library);
    }

    @Test
    void the_library_does_no_file_or_network_IO() {
        noClasses().should().dependOnClassesThat(
                        resideInAnyPackage("java.io..", "java.nio..", "java.net..").and(not(type(PrintStream.class))))
                .because("a layer computes on arrays; files and sockets would let a submission tamper with "
                        + "reports or reach outside (printing with System.out is fine)")
                .check(library);
    }

    @Test
    void the_library_starts_no_threads() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent..")
                .orShould().dependOnClassesThat().areAssignableTo(Timer.class)
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.nameMatching("parallel|parallelStream")))
                .because("the grader's time limits and seeds assume one thread of deterministic work")
                .check(library);
    }

    @Test
    void the_library_never_exits_the_JVM_or_changes_its_settings() {
        noClasses().should().callMethod(System.class, "exit", int.class)
                .orShould().dependOnClassesThat().areAssignableTo(Runtime.class)
                .orShould().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
                .orShould().callMethod(System.class, "setOut", PrintStream.class)
                .orShould().callMethod(System.class, "setErr", PrintStream.class)
                .orShould().callMethod(System.class, "setProperty", String.class, String.class)
                .because("exiting or rewiring the JVM would end the grading run or forge its output")
                .check(library);
    }

    @Test
    void the_given_code_is_unchanged_outside_the_stubs() throws IOException {
        Optional<Path> root = GenerateExercises.findRoot(Path.of(""));
        if (root.isEmpty()) {
            System.out.println("given-code check skipped: no solutions/ beside exercises/ (the instructor's grader runs it)");
            return;
        }
        assertThat(GenerateExercises.checkSubmission(root.get()))
                .as("the data, checks and training loops around the stubs are what the grader trusts; "
                        + "write code only where a stub was")
                .isEmpty();
    }
}
