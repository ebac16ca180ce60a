package kit.grader.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the grader's tests in fresh JVMs and turns their journals into a {@link Gradebook}. It
 * loads no test and no student class itself: it starts {@link TestJvm} and reads what it wrote.
 *
 * <p>One bad method costs its own tests, never the rest of the run:
 * <ul>
 *   <li>A test that runs out of time, or out of memory, or whose failure leaves library code running
 *   while the grader reads it, has its result recorded, and its JVM names the student's methods still
 *   running (or where the memory ran out) and stops itself. The innermost of them that is a
 *   student's method is from then on graded as if it did not compile: the library is compiled again
 *   with that method's stub ({@link LibraryWithStubs}), the test is "not started" with the reason ("Linear.affine
 *   did not return within 10 s in Linear &gt; ..."), and a fresh JVM goes on with the tests after it.
 *   Each such method costs one time limit, once.</li>
 *   <li>A timeout where no student method can be blamed (or none can be stubbed: a run without
 *   the gate) fails its test; after {@value #TIMEOUTS_PER_CLASS} such in one test class
 *   the rest of that class is not run, and after {@value #TIMEOUTS_PER_RUN} in the whole run nothing
 *   more is, so what unexplained loops add to a run stays a few minutes.</li>
 *   <li>A JVM that dies otherwise (a crash, or out of memory before it could say where) fails the test it
 *   was running ("the test run was killed while running ...") and the next JVM goes on with the
 *   tests after it; these count towards the same cap. One silent for {@value #SILENCE_SECONDS} s
 *   also fails the rest of that lesson.</li>
 * </ul>
 */
public final class TestRuns {
    static final int TIMEOUTS_PER_CLASS = 2;
    static final int TIMEOUTS_PER_RUN = 6;
    static final int SILENCE_SECONDS = 240;
    private static final int MAX_JVMS = 40;

    /** How to start a test JVM. */
    public record Settings(Path java, List<String> classpath, List<String> jvmOptions, String groups, String test,
            Path workDir, LibraryWithStubs stubs) {
    }

    private final Settings settings;
    private final Map<String, GradedTest> units = new LinkedHashMap<>();   // unique id -> unit, in plan order
    private final List<GradedTest> order = new ArrayList<>();              // in the order they started
    private final Map<String, Boolean> finished = new HashMap<>();
    private final List<String> infrastructure = new ArrayList<>();
    private final List<String[]> leftRunning = new ArrayList<>();           // the last JVM's "running" lines
    private final Map<String, String> stubbed = new LinkedHashMap<>();      // Class.method -> why it is graded as a stub
    private final List<String> classpath;                                  // the library last
    private String library;                                                 // its entry there
    private Set<String> studentMethods;                                     // read when first needed
    private GradedTest lastResult;                                          // the unit recorded last
    private int shownLesson;                                                // the lesson the progress line named last

    private TestRuns(Settings settings) {
        this.settings = settings;
        this.classpath = settings == null ? null : new ArrayList<>(settings.classpath());
        this.library = settings == null ? null : String.valueOf(settings.stubs().library());
    }

    /**
     * Lists the tests without running any, for a refused submission: every graded test fails with
     * {@code reason}, and the book's refusal is {@code refusal}. The kit's own checks (worth no
     * points) are not run and not reported: not running them says nothing about the kit.
     */
    public static Gradebook planOnly(Settings settings, String reason, String refusal, List<String> notes)
            throws IOException {
        TestRuns runs = new TestRuns(settings);
        runs.start(List.of("--plan-only"), "plan");
        for (GradedTest unit : runs.units.values()) {
            if (unit.lesson() != null) {
                unit.record(Outcome.FAILED, reason);
            }
        }
        return runs.book(0, refusal, notes);
    }

    /** The book of one journal already written (for the kit's self-checks). */
    public static Gradebook fromJournal(Path journal) throws IOException {
        TestRuns runs = new TestRuns(null);
        runs.read(journal);
        return runs.book(0, null, List.of());
    }

    /** Runs every selected test, in as many JVMs as it takes. */
    public static Gradebook run(Settings settings, List<String> notes) throws IOException {
        TestRuns runs = new TestRuns(settings);
        long started = System.nanoTime();
        runs.runAll();
        return runs.book((System.nanoTime() - started) / 1e9, null, notes);
    }

    private Gradebook book(double seconds, String refusal, List<String> notes) {
        List<GradedTest> all = new ArrayList<>(order);
        for (GradedTest unit : units.values()) {
            if (unit.outcome() == null && unit.lesson() != null) {
                unit.record(Outcome.FAILED, "did not run");
            }
            if (!order.contains(unit)) {
                all.add(unit);
            }
        }
        List<String> ungraded = new ArrayList<>(infrastructure);
        for (GradedTest t : all) {
            if (t.lesson() == null && t.outcome() == Outcome.FAILED) {
                ungraded.add(t.name() + ": " + t.message());
            }
        }
        return new Gradebook(all.stream().filter(t -> t.lesson() != null).toList(), ungraded, seconds, refusal, notes);
    }

    private void runAll() throws IOException {
        Map<String, Integer> classTimeouts = new HashMap<>();
        int unexplained = 0;
        int exit = start(List.of(), "run-1");
        for (int jvm = 2; ; jvm++) {
            boolean blamed = false;
            for (String[] line : leftRunning) {
                blamed |= blame(line, jvm);
            }
            String running = running();
            if (exit == 0 && running == null) {
                break;
            }
            if (blamed) {
                // the blamed test is recorded; the next JVM goes on without the method
            } else if (exit == GradingListener.TIMED_OUT || exit == GradingListener.OUT_OF_MEMORY && running == null) {
                // its test is recorded, but no student method could be blamed
                GradedTest last = lastResult;
                String testClass = last == null ? "" : classOf(last);
                String where = last == null ? "" : " (last: " + last.name() + ")";
                unexplained++;
                if (unexplained >= TIMEOUTS_PER_RUN) {
                    failRest(t -> true, true, "not run: " + TIMEOUTS_PER_RUN + " tests ran out of time or were killed"
                            + where + ", so the rest of the run was not: fix the endless loop first");
                } else if (classTimeouts.merge(testClass, 1, Integer::sum) >= TIMEOUTS_PER_CLASS) {
                    failRest(t -> classOf(t).equals(testClass), false, "not run: " + TIMEOUTS_PER_CLASS + " tests of "
                            + testClass + " ran out of time" + where + ", so its remaining tests were not run");
                }
            } else if (running != null) {
                GradedTest killed = units.get(running);
                String cause = exit == -1 ? "it did not stop within " + SILENCE_SECONDS + " s"
                        : exit == GradingListener.OUT_OF_MEMORY ? "it ran out of memory" : "its JVM exited with code " + exit;
                String what = "the test run was killed while running " + killed.name() + " (" + cause + ")";
                killed.record(Outcome.FAILED, what);
                finished.put(running, true);
                unexplained++;
                if (exit == -1) {
                    int lesson = lessonOf(killed);
                    failRest(t -> lessonOf(t) == lesson, false, "not run: " + what);
                } else if (unexplained >= TIMEOUTS_PER_RUN) {
                    failRest(t -> true, true, "not run: " + TIMEOUTS_PER_RUN + " tests ran out of time or were killed"
                            + " (last: " + killed.name() + "), so the rest of the run was not");
                }
            } else if (units.isEmpty()) {
                infrastructure.add("the test JVM ended with code " + exit + " before it listed its tests");
                break;
            } else if (exit != 0) {
                String cause = exit == -1 ? "it was silent for " + SILENCE_SECONDS + " s"
                        : exit == GradingListener.OUT_OF_MEMORY ? "it ran out of memory" : "its JVM exited with code " + exit;
                failRest(t -> true, false, "not run: the test run was killed between tests, "
                        + "perhaps while setting up a test class (" + cause + ")");
                break;
            }
            List<String> remaining = new ArrayList<>();
            for (Map.Entry<String, GradedTest> e : units.entrySet()) {
                if (!finished.getOrDefault(e.getKey(), false)) {
                    remaining.add(e.getKey());
                }
            }
            if (remaining.isEmpty()) {
                break;
            }
            if (jvm > MAX_JVMS) {
                infrastructure.add("gave up after " + MAX_JVMS + " test JVMs");
                break;
            }
            Path select = settings.workDir().resolve("select-" + jvm + ".txt");
            Files.write(select, remaining, StandardCharsets.UTF_8);
            exit = start(List.of("--select", select.toString()), "run-" + jvm);
        }
    }

    /**
     * Grades the innermost student method of a "running" line (unit, what, methods...) as a stub
     * from now on, if there is one not stubbed yet and the library compiles so; its test becomes
     * "not started" with the reason. False if nothing was blamed.
     */
    private boolean blame(String[] line, int jvm) throws IOException {
        GradedTest unit = units.get(line[1]);
        if (unit == null) {
            return false;
        }
        if (studentMethods == null) {
            studentMethods = settings.stubs().methods();
        }
        Set<String> mine = studentMethods;
        for (int i = 3; i < line.length; i++) {
            String method = line[i];
            if (!mine.contains(method)) {
                continue;
            }
            if (stubbed.containsKey(method)) {
                return false;   // already a stub, yet still running: not the student's method after all
            }
            Set<String> now = new LinkedHashSet<>(stubbed.keySet());
            now.add(method);
            Path classes = settings.workDir().resolve("library-" + jvm);
            if (!settings.stubs().compileWith(now, classes)) {
                return false;
            }
            String why = method + " " + line[2] + " in " + unit.name() + ", so it is graded as not started from there on";
            stubbed.put(method, why);
            int at = classpath.indexOf(library);
            if (at < 0) {
                throw new IllegalStateException("the library " + library + " is not on the test class path " + classpath);
            }
            classpath.set(at, classes.toString());
            library = classes.toString();
            unit.notStartedAfterAll(method, why);
            finished.put(line[1], true);
            System.out.println("grading: " + why);
            System.out.flush();
            return true;
        }
        return false;
    }

    /**
     * Ends every test not run yet that {@code which} selects: a graded test fails with
     * {@code message}; a kit check (worth no points) fails too unless {@code spareChecks}, when it is
     * simply not run.
     */
    private void failRest(Predicate<GradedTest> which, boolean spareChecks, String message) {
        for (Map.Entry<String, GradedTest> e : units.entrySet()) {
            GradedTest t = e.getValue();
            if (which.test(t) && !finished.getOrDefault(e.getKey(), false)) {
                if (t.lesson() != null || !spareChecks) {
                    t.record(Outcome.FAILED, message);
                }
                finished.put(e.getKey(), true);
            }
        }
    }

    private static int lessonOf(GradedTest t) {
        return t.lesson() == null ? -1 : t.lesson().number();
    }

    private static String classOf(GradedTest t) {
        return t.testClass().split("\\$")[0];
    }

    /** The unit started last and not finished, if any. */
    private String running() {
        for (int i = order.size() - 1; i >= 0; i--) {
            GradedTest t = order.get(i);
            String id = idOf(t);
            if (!finished.getOrDefault(id, false)) {
                return id;
            }
        }
        return null;
    }

    private String idOf(GradedTest t) {
        for (Map.Entry<String, GradedTest> e : units.entrySet()) {
            if (e.getValue() == t) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Starts one test JVM, waits for it, reads its journal; returns its exit code (-1: killed for silence). */
    private int start(List<String> extra, String name) throws IOException {
        leftRunning.clear();
        Files.createDirectories(settings.workDir());
        Path journal = settings.workDir().resolve(name + ".journal");
        Files.deleteIfExists(journal);
        List<String> command = new ArrayList<>();
        command.add(settings.java().toString());
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(TestJvm.class.getName());
        command.add("--journal");
        command.add(journal.toString());
        if (!settings.groups().isBlank()) {
            command.add("--groups");
            command.add(settings.groups());
        }
        if (!settings.test().isBlank()) {
            command.add("--test");
            command.add(settings.test());
        }
        command.addAll(extra);
        // What the tests print (measurements, a student's own prints) goes to a log beside the journal,
        // so that the screen shows progress and then the table.
        Path log = settings.workDir().resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            long lastSize = -1;
            long quietSince = System.nanoTime();
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                long size = Files.exists(journal) ? Files.size(journal) : 0;
                if (size != lastSize) {
                    lastSize = size;
                    quietSince = System.nanoTime();
                    showProgress(journal);
                } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(SILENCE_SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                    read(journal);
                    return -1;
                }
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the tests ran", e);
        }
        read(journal);
        return exit;
    }

    /**
     * One line when the run moves on to another lesson ("grading lesson 3: Convolution ..."), so a
     * long run never looks hung. What the tests print is in {@code runs/run-N.log} under the reports.
     */
    private void showProgress(Path journal) throws IOException {
        Map<String, String> lessonOf = new HashMap<>();
        String current = null;
        for (String[] line : Journal.read(journal)) {
            if (line[0].equals(Journal.PLAN)) {
                lessonOf.put(line[1], line[2]);
            } else if (line[0].equals(Journal.START)) {
                current = lessonOf.get(line[1]);
            }
        }
        int lesson = current == null ? 0 : Integer.parseInt(current);
        if (lesson > shownLesson) {
            shownLesson = lesson;
            System.out.println("grading lesson " + lesson + ": " + Lesson.of(lesson).title() + " ...");
            System.out.flush();
        }
    }

    private void read(Path journal) throws IOException {
        for (String[] line : Journal.read(journal)) {
            switch (line[0]) {
                case Journal.PLAN -> {
                    if (!units.containsKey(line[1])) {
                        int lesson = Integer.parseInt(line[2]);
                        units.put(line[1], new GradedTest(lesson == 0 ? null : Lesson.of(lesson), line[4], line[5],
                                line[6], Integer.parseInt(line[3]), line[7]));
                    }
                }
                case Journal.START -> {
                    GradedTest t = units.get(line[1]);
                    if (t != null && !order.contains(t)) {
                        order.add(t);
                    }
                }
                case Journal.RESULT -> {
                    GradedTest t = units.get(line[1]);
                    if (t != null) {
                        Outcome outcome = Outcome.valueOf(line[2]);
                        if (outcome == Outcome.NOT_STARTED) {
                            t.markNotStarted(line[4], line[5], line[3].startsWith("blocked by") ? line[3]
                                    : stubbed.getOrDefault(line[4], line[3]));
                        } else {
                            t.record(outcome, line[3]);
                        }
                        finished.put(line[1], true);
                        lastResult = t;
                    }
                }
                case Journal.RUNNING -> leftRunning.add(line);
                default -> {
                }
            }
        }
    }
}
