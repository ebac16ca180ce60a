package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.assertj.core.api.Assertions.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kit.grader.tools.Gate;
import kit.grader.tools.GenerateExercises;

/** The generator: regions become stubs, everything else is copied, mistakes are named. */
@Tag("selfcheck")
@DisplayName("The exercise generator")
class GenerateExercisesTest {
    static final String SOLUTION = """
            package kit.lesson9;

            final class Thing {
                double twice(double x) {
                    check(x);
                    // BEGIN SOLUTION hint: return 2 "x"
                    return 2 * x;
                    // END SOLUTION
                }
            }
            """;

    @Test
    void turns_a_region_into_a_stub_naming_lesson_method_and_hint() {
        String out = GenerateExercises.generate(Path.of("kit/lesson9/Thing.java"), SOLUTION);
        assertThat(out).isEqualTo("""
                package kit.lesson9;

                final class Thing {
                    double twice(double x) {
                        check(x);
                        throw new kit.core.NotImplementedYet(9, "Thing.twice", "return 2 \\"x\\"");
                    }
                }
                """);
    }

    @Test
    void names_the_method_not_an_exception_thrown_over_two_lines_before_the_region() {
        String solution = """
                package kit.lesson9;

                class Thing {
                    double twice(double x) {
                        if (x < 0) {
                            throw new IllegalArgumentException("Thing.twice: x is " + x
                                    + " but must be at least 0");
                        }
                        // BEGIN SOLUTION hint: 2 x
                        return 2 * x;
                        // END SOLUTION
                    }
                }
                """;
        assertThat(GenerateExercises.generate(Path.of("kit/lesson9/Thing.java"), solution))
                .contains("new kit.core.NotImplementedYet(9, \"Thing.twice\", \"2 x\")");
    }

    @Test
    void refuses_a_region_that_does_not_end_its_method() {
        String bad = SOLUTION.replace("// END SOLUTION\n", "// END SOLUTION\n        check(x);\n");
        assertThatThrownBy(() -> GenerateExercises.generate(Path.of("kit/lesson9/Thing.java"), bad))
                .hasMessageContaining("Thing.java:8").hasMessageContaining("must end its method");
    }

    @Test
    void refuses_unbalanced_regions_and_regions_outside_a_lesson() {
        assertThatThrownBy(() -> GenerateExercises.generate(Path.of("T.java"),
                SOLUTION.replace("        // END SOLUTION\n", "")))
                .hasMessageContaining("without END SOLUTION");
        assertThatThrownBy(() -> GenerateExercises.generate(Path.of("T.java"),
                SOLUTION.replace("package kit.lesson9;", "package kit.core;")))
                .hasMessageContaining("lesson package");
        assertThatThrownBy(() -> GenerateExercises.generate(Path.of("T.java"), "package kit.lesson1;\n// END SOLUTION\n"))
                .hasMessageContaining("END SOLUTION without BEGIN");
    }

    @Test
    void check_names_every_stale_missing_or_extra_file(@TempDir Path root) throws IOException {
        Path solutions = root.resolve("solutions/src/main/java/kit/lesson9");
        Files.createDirectories(solutions);
        Files.writeString(solutions.resolve("Thing.java"), SOLUTION);
        assertThat(GenerateExercises.check(root)).anyMatch(p -> p.contains("exercises/src/main/java/ lacks"))
                .anyMatch(p -> p.contains("grader/given/ lacks"));
        assertThat(GenerateExercises.write(root)).isEmpty();
        assertThat(GenerateExercises.check(root)).isEmpty();
        Path exercise = root.resolve("exercises/src/main/java/kit/lesson9/Thing.java");
        Files.writeString(exercise, Files.readString(exercise) + "// edited by hand\n");
        Files.writeString(exercise.resolveSibling("Extra.java"), "package kit.lesson9;\n");
        assertThat(GenerateExercises.check(root))
                .anyMatch(p -> p.contains("Thing.java is not what the generator makes"))
                .anyMatch(p -> p.contains("exercises/src/main/java/ has kit/lesson9/Extra.java but solutions/ does not"));
        Files.writeString(exercise, Files.readString(root.resolve("grader/given/kit/lesson9/Thing.java")));
        Files.delete(exercise.resolveSibling("Extra.java"));
        Files.writeString(root.resolve("grader/given/kit/lesson9/Thing.java"), "package kit.lesson9;\n");
        assertThat(GenerateExercises.check(root)).anyMatch(p -> p.contains("grader/given/kit/lesson9/Thing.java is not what"));
    }

    @Test
    void a_submission_may_replace_the_stubs_and_nothing_else(@TempDir Path root) throws IOException {
        Path solutions = root.resolve("solutions/src/main/java/kit/lesson9");
        Files.createDirectories(solutions);
        Files.writeString(solutions.resolve("Thing.java"), SOLUTION);
        assertThat(GenerateExercises.write(root)).isEmpty();
        Path exercise = root.resolve("exercises/src/main/java/kit/lesson9/Thing.java");
        String stub = Files.readString(exercise);
        String stubLine = stub.lines().filter(l -> l.contains("NotImplementedYet")).findFirst().orElseThrow();

        Files.writeString(exercise, stub.replace(stubLine, "        double y = x + x;\n        return y;"));
        assertThat(Gate.refusals(root)).isEmpty();

        Files.writeString(exercise, stub.replace("check(x);", "// check(x);"));
        assertThat(Gate.refusals(root)).singleElement(as(STRING))
                .contains("Thing.java:5: changes given code: \"// check(x);\" where the given code has \"check(x);\"");

        Files.writeString(exercise, stub.replace("        check(x);", "      check( x );\n\n"));
        assertThat(Gate.refusals(root)).as("reformatting is not a change").isEmpty();

        Files.writeString(exercise, stub.replace("check(x);", "check(x); // my note: x is checked first")
                .replace("final class Thing {", "final class Thing {\n    // my own comment line\n"));
        assertThat(Gate.refusals(root)).as("comments of the student's own on given code").isEmpty();

        Files.writeString(exercise, stub.replace("check(x);", "check(-x); // changed"));
        assertThat(Gate.refusals(root)).singleElement(as(STRING))
                .contains("Thing.java:5: changes given code: \"check(-x); // changed\" where the given code has \"check(x);\"");

        Files.writeString(exercise, stub + "int appended;\n");
        assertThat(Gate.refusals(root)).singleElement(as(STRING)).contains("Thing.java:9: changes given code");

        Files.writeString(exercise, stub.replace(stubLine, "        return 2 * x; }\n    double more() { return 1;"));
        assertThat(Gate.refusals(root)).singleElement(as(STRING))
                .contains("Thing.java:6: your code in Thing.twice must be whole statements inside its method, "
                        + "but javac reads the brace on line 6 as the end of twice");

        Files.writeString(exercise, stub.replace(stubLine, "        return 2 * x; // a comment ends here\r    }\r    double more() {\r        return 1;"));
        assertThat(Gate.refusals(root)).as("a lone carriage return ends a line comment, as for javac")
                .singleElement(as(STRING)).contains("javac reads the brace on line 7 as the end of twice");

        Files.writeString(exercise, stub.replace(stubLine, "        return 2 * x; // \\u000a }  double more() {  return 1;"));
        assertThat(Gate.refusals(root)).as("a unicode escape is read first, as by javac")
                .singleElement(as(STRING)).contains("javac reads the brace on line 6 as the end of twice");

        Files.writeString(exercise, stub.replace(stubLine, "        String s = \"\\u0041\"; return 2 * x;"));
        assertThat(Gate.refusals(root)).as("a harmless unicode escape").isEmpty();

        Files.writeString(exercise, stub);
        Files.writeString(exercise.resolveSibling("Helper.java"), "package kit.lesson9;\n");
        assertThat(Gate.refusals(root)).as("an added file is ignored, not refused").isEmpty();
    }

    @Test
    void every_reference_file_with_its_markers_removed_passes_the_gate(@TempDir Path copy) throws IOException {
        Path root = GenerateExercises.findRoot(Path.of("")).orElse(null);
        if (root == null) {
            return;  // a student's copy without solutions/: nothing to compare
        }
        Path sources = root.resolve("solutions/src/main/java");
        try (var files = Files.walk(sources); var given = Files.walk(root.resolve("grader/given"))) {
            List<Path> javaFiles = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(javaFiles).isNotEmpty();
            for (Path file : javaFiles) {
                String perfectStudent = Files.readString(file)
                        .replaceAll("(?m)^[ \\t]*// (BEGIN SOLUTION.*|END SOLUTION)\\R", "");
                Path to = copy.resolve("exercises/src/main/java").resolve(sources.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.writeString(to, perfectStudent);
            }
            for (Path file : given.filter(Files::isRegularFile).toList()) {
                Path to = copy.resolve("grader/given").resolve(root.resolve("grader/given").relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        assertThat(Gate.refusals(copy)).isEmpty();
    }
}
