package kit.grader.report;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import kit.grader.figures.FigureIndex;
import kit.grader.figures.FreshFolder;
import kit.grader.scoring.Gradebook;
import kit.grader.scoring.Hints;
import kit.grader.scoring.Lesson;
import kit.grader.scoring.LibraryWithStubs;
import kit.grader.scoring.Prerequisites;
import kit.grader.scoring.Stubs;
import kit.grader.scoring.TestRuns;
import kit.grader.tools.Gate;

/**
 * The grading run's last word, run by Maven after everything is compiled, in a process where no
 * student code runs and whose class path holds no library class. It reads what the gate found
 * (the first step: rebuild, compile, rules), runs the tests in separate JVMs ({@link TestRuns})
 * unless the gate refused the submission, writes every report, prints the score table and ends
 * the build: normally when the run is what was expected, else with one line and exit code 1.
 *
 * <pre>
 *   Verdict --reports=DIR --expect=full-marks|nothing-started --library=DIR [--gate=FILE]
 *           [--library-kind=exercises|stubs|reference] [--groups=EXPR] [--test=PATTERN] [--seed=N]
 *           [--cache=DIR] [--jvm-options=...] [--test-properties="name=value ..."] [--book=DIR] [--assigned=all|1-3,5]
 * </pre>
 * {@code --book}: the course book's folder ({@code src/site/markdown}), whose pages and figures the
 * report page shows beside the student's figures. {@code --assigned} names the lessons the
 * instructor has assigned so far: a run without {@code --groups} or {@code --test} grades those
 * alone, and the table lists the others as "not assigned" (worth nothing, never run).
 * {@code full-marks}: every graded test passed and nothing was refused; {@code nothing-started}:
 * every graded test is "not started" (the kit's run over the untouched stubs). {@code --cache}: the
 * folder where a run keeps what the next may reuse (the test JVMs' {@code grader.cache}).
 */
public final class Verdict {
    private Verdict() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                a.put(arg.substring(0, eq), arg.substring(eq + 1).strip());
            }
        }
        String expectation = a.getOrDefault("--expect", "full-marks");
        Path reports = Path.of(a.getOrDefault("--reports", "target/grader"));
        Path library = Path.of(a.getOrDefault("--library", "")).toAbsolutePath().normalize();
        requireNoLibraryClasses();
        Properties gate = new Properties();
        if (a.containsKey("--gate") && !a.get("--gate").isBlank()) {
            Path gateFile = Path.of(a.get("--gate"));
            if (!Files.exists(gateFile)) {
                end("The grader's first step wrote nothing to " + gateFile + ": it did not run.");
            }
            try (Reader in = Files.newBufferedReader(gateFile, StandardCharsets.UTF_8)) {
                gate.load(in);
            }
        }
        List<String> notes = lines(gate.getProperty("notes", ""));
        List<String> jvm = new ArrayList<>(List.of("-ea", "-Xss8m", "-Xmx2g",
                "-XX:+UseSerialGC", "-Dgrader.seed=" + a.getOrDefault("--seed", "20261123")));
        jvm.add("-Dgrader.reports=" + reports.toAbsolutePath().normalize());
        jvm.add("-Dgrader.library=" + a.getOrDefault("--library-kind", "exercises"));
        String cache = a.getOrDefault("--cache", "");
        if (!cache.isBlank() && !cache.startsWith("${")) {
            jvm.add("-Dgrader.cache=" + Path.of(cache).toAbsolutePath().normalize());
        }
        for (String key : List.of("--jvm-options", "--test-properties")) {
            String extra = a.getOrDefault(key, "");
            if (!extra.startsWith("${")) {   // unset: Maven leaves the expression as it is
                for (String option : lines(extra.replace(' ', '\n'))) {
                    jvm.add(key.equals("--test-properties") ? "-D" + option : option);
                }
            }
        }
        FreshFolder.empty(reports.resolve(FigureIndex.FOLDER));   // the figures of this run only
        List<String> classpath = new ArrayList<>(ownClasspath());
        classpath.add(library.toString());   // last: nothing in it can shadow the grader or its libraries
        String groups = a.getOrDefault("--groups", "");
        String test = a.getOrDefault("--test", "");
        List<Lesson> notAssigned = new ArrayList<>();
        boolean lessonChosen = groups.contains("lesson") || !test.isBlank();   // -Dlesson=N or -Dtest=...
        if (!lessonChosen) {
            Set<Lesson> assigned = Lesson.assigned(a.get("--assigned"));
            for (Lesson lesson : Lesson.values()) {
                if (!assigned.contains(lesson)) {
                    notAssigned.add(lesson);
                }
            }
            if (!notAssigned.isEmpty()) {
                String lessons = "(" + assigned.stream().map(Lesson::tag).collect(Collectors.joining(" | ")) + ")";
                groups = groups.isBlank() ? lessons : lessons + " & (" + groups + ")";   // e.g. with !selfcheck
            }
        }
        TestRuns.Settings settings = new TestRuns.Settings(Path.of(System.getProperty("java.home"), "bin", "java"),
                classpath, jvm, groups, test, reports.resolve("runs"), stubs(gate, a.get("--gate"), library));
        Gradebook book = "refused".equals(gate.getProperty("status"))
                ? TestRuns.planOnly(settings, "not run: the submission was refused (see REFUSED)", gate.getProperty("reason"), notes)
                : TestRuns.run(settings, notes);
        book = book.withNotAssigned(notAssigned);
        Prerequisites.mark(book, Verdict.class.getClassLoader(), library);
        if (!"refused".equals(gate.getProperty("status"))) {
            book.recordStubs(Stubs.in(library));   // a refused submission's library is the stubs, not the student's
        }
        String hints;
        try {
            hints = Hints.level(Path.of(""));
        } catch (IllegalArgumentException e) {
            System.out.println("grader: " + e.getMessage() + " (the reports show the default, equation)");
            hints = "equation";
        }
        Hints.apply(book, hints);
        Reports.writeAll(book, reports, a.containsKey("--book") ? Path.of(a.get("--book")) : null);
        System.out.println();
        System.out.print(Reports.table(book));
        System.out.println();
        Path page = reports.resolve(ReportPage.FILE);
        System.out.println(Files.exists(page) ? ReportPage.consoleLine(page) : "page: not written (see the error above)");
        System.out.println(FigureIndex.read(reports.resolve(FigureIndex.FOLDER)).line());
        System.out.println("reports: " + reports.toAbsolutePath().normalize());
        Properties totals = Reports.totals(book);
        System.out.println(closingLine(expectation, totals));
        String problem = problem(expectation, totals);
        if (problem != null) {
            end(problem);
        }
    }

    /**
     * How {@link TestRuns} compiles the library again with a method that ran away as its stub: the
     * gate's rebuild, for a submission the gate graded (its file sits at
     * {@code ROOT/exercises/target/grader-gate/gate.properties}).
     */
    private static LibraryWithStubs stubs(Properties gate, String gateFile, Path library) {
        if (!"graded".equals(gate.getProperty("status")) || gateFile == null || gateFile.isBlank()) {
            return LibraryWithStubs.NONE;
        }
        Path root = Path.of(gateFile).toAbsolutePath().normalize().getParent().getParent().getParent().getParent();
        return new LibraryWithStubs() {
            @Override
            public Path library() {
                return library;
            }

            @Override
            public Set<String> methods() throws IOException {
                return Gate.studentMethods(root);
            }

            @Override
            public boolean compileWith(Set<String> stubbed, Path classes) throws IOException {
                return Gate.compileWithStubs(root, stubbed, classes);
            }
        };
    }

    /** Ends the build at once, with {@code why} as its last line: Maven adds no text of its own. */
    private static void end(String why) {
        System.out.println("BUILD FAILED: " + why);
        System.out.flush();
        System.exit(1);
    }

    private static List<String> lines(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    /** The grader, its tests and their libraries: this process's own class path. */
    private static List<String> ownClasspath() {
        List<String> entries = new ArrayList<>();
        if (Verdict.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot read the class path entry " + url, e);
                }
            }
        } else {
            entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        }
        return entries;
    }

    /** The reports are written where no library class can be loaded, so none can stand in for the grader's. */
    private static void requireNoLibraryClasses() {
        if (Verdict.class.getClassLoader().getResource("kit/core/Layer.class") != null) {
            end("the grading process has the library on its class path: check the build's verdict step");
        }
    }

    /**
     * The run in one line. A grading run ends with the plain "graded: N passed, M failed" that CI
     * systems read (M counts every graded test that did not pass, "not started" ones included);
     * the kit's run over the stubs, whose tests are meant not to pass, says so in other words.
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
        if (Boolean.parseBoolean(totals.getProperty("refused"))) {
            return "the submission was refused, so the grade is 0: see REFUSED above.";
        }
        if (Integer.parseInt(totals.getProperty("ungraded_failed", "0")) > 0) {
            return "a kit check failed: see KIT CHECKS FAILED above.";
        }
        if (graded == 0) {
            return "no graded test ran: check -Dlesson or -Dtest.";
        }
        return switch (expectation) {
            case "full-marks" -> score == max ? null
                    : "grade " + score + "/" + max + ", not full marks yet (the table above says where to go next).";
            case "nothing-started" -> score == 0 && notStarted == graded ? null
                    : "the untouched stubs must score 0 with every test not started, but scored " + score + "/" + max
                      + " with " + (graded - notStarted) + " of " + graded + " tests started.";
            default -> throw new IllegalArgumentException("unknown expectation: " + expectation);
        };
    }
}
