package kit.grader.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kit.grader.tools.GenerateExercises;
import kit.grader.tools.GenerateExercises.HintLevel;

/**
 * The course's hint level ({@code hints} in {@code course.properties} at the kit's root) applied
 * to a run: at {@code book} a failure shows no equation, only where the book derives it; at
 * {@code equation} (the default) and {@code pseudocode} it shows the test's key equation. How
 * much a stub shows is decided when the exercises are generated ({@link GenerateExercises}).
 */
public final class Hints {
    private Hints() {
    }

    /** The level set in the nearest {@code course.properties} at or above {@code start}; the default if none. */
    public static HintLevel level(Path start) throws IOException {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(GenerateExercises.SETTINGS))) {
                return HintLevel.of(p);
            }
        }
        return HintLevel.EQUATION;
    }

    /** Shows or withholds every failure's key equation, as {@code level} says. */
    public static void apply(Gradebook book, HintLevel level) {
        for (GradedTest t : book.graded()) {
            t.showEquation(level != HintLevel.BOOK);
        }
    }
}
