package kit.grader.figures;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kit.grader.figures.FigureIndex.Attempt;
import kit.grader.figures.FigureIndex.Status;
import kit.grader.scoring.Lesson;

/**
 * A lesson's figures, drawn from the library under test in the test JVM, after the lesson's graded
 * tests (a class without {@code @Order} runs after the ordered lesson classes). Worth no points and
 * never failing: drawn, the test passes; not drawn (a stub, a failure, no fonts), it is skipped with
 * the reason, which the score table's last line repeats.
 *
 * <p>A lesson adds its figures in a few lines, in its test package so that it can reuse what the
 * graded tests trained:
 *
 * <pre>{@code
 * @Tag("lesson4")
 * @DisplayName("Lesson 4's figures")
 * class Lesson4FiguresTest extends LessonFigures {
 *     @Override
 *     protected void draw(FigureFolder folder) throws Exception {
 *         WindowTest.Run run = WindowTest.run(Seeds.seed(0));   // kept by the graded test, or trained now
 *         folder.write("loss-by-window", new LinePlot("Held-out loss by window size", "window N", "nats per character")
 *                 .line("your model", run.windows(), run.losses())
 *                 .truth("entropy rate", run.windows(), run.entropyRate()));
 *     }
 * }
 * }</pre>
 *
 * <p>The README's "Figures" says more, and how the book gets the reference's figures.
 */
@Tag("figures")
@Timeout(value = LessonFigures.BUDGET_SECONDS + 30, unit = TimeUnit.SECONDS)
public abstract class LessonFigures {
    /** How long one lesson's figures may take, training included, before they are given up. */
    static final long BUDGET_SECONDS = 45;

    /** Draws the lesson's figures with {@link FigureFolder#write}. */
    protected abstract void draw(FigureFolder folder) throws Exception;

    @Test
    @DisplayName("draws the figures of your code (worth no points; never fails)")
    void draws_the_figures_of_your_code() {
        String lesson = lessonOf(getClass());
        Attempt attempt = FigureFolder.drawLesson(lesson, FigureFolder.ofThisRun(), Duration.ofSeconds(BUDGET_SECONDS),
                this::draw);
        Assumptions.assumeTrue(attempt.status() == Status.DRAWN, () -> "no figures: " + attempt.detail());
    }

    /** The lesson tag ({@code lessonN}) on a figures class; IllegalStateException if it has none. */
    static String lessonOf(Class<?> figures) {
        for (Tag tag : figures.getAnnotationsByType(Tag.class)) {
            if (Lesson.fromTag(tag.value()).isPresent()) {
                return tag.value();
            }
        }
        throw new IllegalStateException(figures.getName() + " needs its lesson's tag, such as @Tag(\"lesson1\")");
    }
}
