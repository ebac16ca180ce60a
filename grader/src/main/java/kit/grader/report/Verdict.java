package kit.grader.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The build's last word on a grading run. Maven runs it after the tests: it prints the score table
 * and fails the build unless the run is what was expected.
 *
 * <pre>
 *   Verdict REPORT_DIR full-marks        every graded test passed, and the rules hold
 *   Verdict REPORT_DIR nothing-started   every graded test is "not started", score 0, rules hold
 * </pre>
 */
public final class Verdict {
    private Verdict() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Verdict REPORT_DIR full-marks|nothing-started");
        }
        Path dir = Path.of(args[0]);
        Path totalsFile = dir.resolve(Reports.VERDICT);
        if (!Files.exists(totalsFile)) {
            throw new Failure("The grader wrote no results to " + dir
                    + ": the test run did not finish (see the errors above).");
        }
        System.out.println();
        System.out.println(Files.readString(dir.resolve(Reports.TABLE), StandardCharsets.UTF_8));
        Properties totals = new Properties();
        try (Reader in = Files.newBufferedReader(totalsFile, StandardCharsets.UTF_8)) {
            totals.load(in);
        }
        String problem = problem(args[1], totals);
        System.out.println("reports: " + dir.toAbsolutePath().normalize());
        System.out.println(closingLine(args[1], totals));
        if (problem != null) {
            throw new Failure(problem);
        }
    }

    /** Fails the build with one line: the table above already says what to do. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The run in one line. A grading run ends with the plain "graded: N passed, M failed" that CI
     * systems read (a test not started counts as failed); the kit's run over the stubs, whose
     * tests are meant not to pass, says so in other words.
     */
    public static String closingLine(String expectation, Properties totals) {
        int graded = Integer.parseInt(totals.getProperty("graded"));
        int passed = Integer.parseInt(totals.getProperty("passed"));
        if (expectation.equals("nothing-started")) {
            return "stubs: " + totals.getProperty("not_started") + " of " + graded + " graded tests not started";
        }
        return "graded: " + passed + " passed, " + (graded - passed) + " failed";
    }

    /** Null if the run meets the expectation, else what is wrong. */
    public static String problem(String expectation, Properties totals) {
        int score = Integer.parseInt(totals.getProperty("score"));
        int max = Integer.parseInt(totals.getProperty("max_score"));
        int graded = Integer.parseInt(totals.getProperty("graded"));
        int notStarted = Integer.parseInt(totals.getProperty("not_started"));
        boolean rulesBroken = Boolean.parseBoolean(totals.getProperty("rules_broken"));
        if (Integer.parseInt(totals.getProperty("ungraded_failed", "0")) > 0) {
            return "A kit check failed: see KIT CHECKS FAILED above.";
        }
        if (rulesBroken) {
            return "An architecture rule is broken, so the grade is 0: see RULE BROKEN above.";
        }
        if (graded == 0) {
            return "No graded test ran: check -Dlesson or -Dtest.";
        }
        return switch (expectation) {
            case "full-marks" -> score == max ? null
                    : "Grade " + score + "/" + max + ": not full marks yet (the table above says where to go next).";
            case "nothing-started" -> score == 0 && notStarted == graded ? null
                    : "The untouched stubs must score 0 with every test not started, but scored " + score + "/" + max
                      + " with " + (graded - notStarted) + " of " + graded + " tests started.";
            default -> throw new IllegalArgumentException("unknown expectation: " + expectation);
        };
    }
}
