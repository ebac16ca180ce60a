package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kit.grader.tools.GenerateExercises;
import kit.grader.tools.GenerateExercises.HintLevel;

/**
 * The course's hint levels: a stub says its task and book section at every level and its
 * pseudocode only at {@code pseudocode}; every region of the reference has a task and a section.
 */
@Tag("selfcheck")
@DisplayName("Hint levels")
class HintLevelsTest {
    private static final String SOLUTION = """
            package kit.lesson9;

            final class Thing {
                double[] twice(double[] x) {
                    // BEGIN SOLUTION
                    // task: 2 x, a new array of x's length
                    // book: Twice
                    // pseudocode: y[i] = 2 * x[i]
                    return null;
                    // END SOLUTION
                }
            }
            """;

    @Test
    void the_stub_shows_the_task_and_the_section_and_the_pseudocode_only_at_its_level() {
        String book = GenerateExercises.generate(Path.of("kit/lesson9/Thing.java"), SOLUTION, HintLevel.BOOK);
        String equation = GenerateExercises.generate(Path.of("kit/lesson9/Thing.java"), SOLUTION, HintLevel.EQUATION);
        String pseudocode = GenerateExercises.generate(Path.of("kit/lesson9/Thing.java"), SOLUTION, HintLevel.PSEUDOCODE);
        assertThat(book).isEqualTo(equation)
                .contains("\"Thing.twice\", \"2 x, a new array of x's length; book: src/site/markdown/lesson9.md, \\\"Twice\\\"\")")
                .doesNotContain("y[i] = 2");
        assertThat(pseudocode).contains("\\\"Twice\\\"; pseudocode: y[i] = 2 * x[i]\")");
    }

    @Test
    void the_level_comes_from_course_properties_and_a_wrong_one_is_named(@TempDir Path root) throws IOException {
        assertThat(HintLevel.of(root)).isEqualTo(HintLevel.EQUATION);
        Files.writeString(root.resolve("course.properties"), "hints=pseudocode\n");
        assertThat(HintLevel.of(root)).isEqualTo(HintLevel.PSEUDOCODE);
        Files.writeString(root.resolve("course.properties"), "hints=everything\n");
        assertThatThrownBy(() -> HintLevel.of(root)).hasMessageContaining("course.properties")
                .hasMessageContaining("hints = everything is not a hint level");
    }

    @Test
    void every_region_of_the_reference_says_its_task_and_its_book_section() throws IOException {
        Path solutions = root().resolve("solutions/src/main/java");
        List<String> missing = new ArrayList<>();
        int regions = 0;
        try (Stream<Path> files = Files.walk(solutions)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).strip().startsWith("// BEGIN SOLUTION")) {
                        regions++;
                        boolean task = i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("// task: ");
                        boolean book = i + 2 < lines.size() && lines.get(i + 2).strip().startsWith("// book: ");
                        if (!task || !book) {
                            missing.add(solutions.relativize(file) + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertThat(regions).as("solution regions").isGreaterThan(50);
        assertThat(missing).as("regions without // task: and // book: right after BEGIN").isEmpty();
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("solutions/src/main/java"))) {
                return p;
            }
        }
        throw new IllegalStateException("no kit root above " + Path.of("").toAbsolutePath());
    }
}
