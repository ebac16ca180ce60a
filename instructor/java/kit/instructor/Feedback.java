package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a student reads when the grader could not grade, and which of their files were graded. */
final class Feedback {
    static final int ERRORS_SHOWN = 10;
    private static final int LOG_LINES_SHOWN = 30;

    static final String NO_FILES = """
            No library source files were found in this submission, so nothing was graded (score 0).
            Upload your repository, its `exercises/` folder, or the `kit/` folders inside \
            `exercises/src/main/java` (files such as `kit/lesson1/Linear.java`).""";

    private Feedback() {
    }

    static String compileErrors(List<CompilerErrors.Error> errors) {
        boolean inGrader = errors.stream().allMatch(CompilerErrors.Error::inGrader);
        StringBuilder s = new StringBuilder(inGrader
                ? "Your code compiles, but the grader's tests do not compile against it, so nothing was graded "
                  + "(score 0). A public class, method or signature the tests use has changed: keep the given "
                  + "names, parameters and return types. The compiler's first errors:"
                : "Your code does not compile, so nothing was graded (score 0). The compiler's first errors:");
        List<String> shown = errors.stream().limit(ERRORS_SHOWN).map(CompilerErrors.Error::render).toList();
        s.append("\n\n").append(Results.codeBlock(String.join("\n", shown)));
        if (errors.size() > ERRORS_SHOWN) {
            s.append("\n\n(").append(errors.size() - ERRORS_SHOWN).append(" more)");
        }
        return s.append("\n\n`./mvnw test` on your machine shows the same errors.").toString();
    }

    static String timeout(Duration limit) {
        return "Grading took longer than " + limit.toSeconds() + " s and was stopped, so nothing was graded "
                + "(score 0). Is there an endless loop, or a training run far slower than it should be? "
                + "`./mvnw test` on your machine shows which test hangs.";
    }

    static String error(String what, String log) {
        List<String> lines = log.lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size());
        return "The grader could not grade this submission (score 0): " + what + ". Your instructor has the "
                + "full log. Its last lines:\n\n" + Results.codeBlock(String.join("\n", tail));
    }

    /** Which of the submission's files were graded, which stubs it lacks, and what was ignored. */
    static String filesNote(Submission submission, Path library) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> yours = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(library)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = library.relativize(f).toString().replace('\\', '/');
                if (hasStub(f)) {
                    (submission.taken.containsKey(name) ? yours : missing).add(name);
                }
            }
        }
        if (!submission.taken.isEmpty()) {
            int stubs = yours.size() + missing.size();
            lines.add("Graded from your submission: " + submission.taken.size() + " library files, with "
                    + (missing.isEmpty() ? "all " + stubs : yours.size() + " of the " + stubs)
                    + " that have code for you to write"
                    + (missing.isEmpty() ? "." : "; the others were graded as the untouched stubs: "
                    + String.join(", ", missing) + "."));
        }
        if (!submission.ignored.isEmpty()) {
            List<String> shown = submission.ignored.stream().limit(ERRORS_SHOWN).toList();
            lines.add("Ignored: " + String.join("; ", shown)
                    + (submission.ignored.size() > shown.size() ? "; and " + (submission.ignored.size() - shown.size())
                    + " more" : "") + ".");
        }
        return String.join("\n\n", lines);
    }

    private static boolean hasStub(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1).contains("kit.core.NotImplementedYet(");
    }
}
