package kit.grader.report;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import kit.grader.scoring.GradedTest;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Lesson;
import kit.grader.scoring.Outcome;

/**
 * Gradescope's autograder {@code results.json}: the overall score, the score table as the
 * submission's output (with where the report page is found: Gradescope keeps only this file), and
 * one entry per graded test with its score, maximum, status and output
 * (the failure, the hint and the rerun command). Every entry is visible to the student.
 */
final class GradescopeResults {
    private GradescopeResults() {
    }

    static String render(Gradebook book) {
        JsonObject root = new JsonObject();
        root.addProperty("score", book.score());
        root.addProperty("execution_time", Math.round(book.seconds()));
        root.addProperty("output", ConsoleTable.render(book) + ReportPage.ELSEWHERE + "\n");
        root.addProperty("visibility", "visible");
        root.addProperty("stdout_visibility", "hidden");
        JsonArray tests = new JsonArray();
        Map<Lesson, Integer> numbers = new EnumMap<>(Lesson.class);
        for (GradedTest t : book.graded()) {
            JsonObject test = new JsonObject();
            int number = numbers.merge(t.lesson(), 1, Integer::sum);
            test.addProperty("name", "Lesson " + t.lesson().number() + ": " + t.name());
            test.addProperty("number", String.format(Locale.ROOT, "%d.%d", t.lesson().number(), number));
            test.addProperty("score", book.refused() ? 0 : t.earned());
            test.addProperty("max_score", t.points());
            test.addProperty("status", t.outcome() == Outcome.PASSED ? "passed" : "failed");
            test.addProperty("output", output(t));
            test.addProperty("visibility", "visible");
            JsonArray tags = new JsonArray();
            tags.add(t.lesson().tag());
            test.add("tags", tags);
            tests.add(test);
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static String output(GradedTest t) {
        return switch (t.outcome()) {
            case PASSED -> "passed";
            case NOT_STARTED -> "not started: " + t.message() + "\nbook: " + t.lesson().bookPage();
            case FAILED -> (t.blockedBy().isEmpty() ? "" : "blocked by " + t.blockedBy() + " (its own tests fail: fix that first)\n")
                    + t.message() + (t.hint().isEmpty() ? "" : "\nhint: " + t.hint())
                    + "\nrerun: " + t.rerunCommand() + "\nbook: " + t.lesson().bookPage();
        };
    }
}
