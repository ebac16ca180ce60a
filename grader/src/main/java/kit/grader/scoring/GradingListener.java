package kit.grader.scoring;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records a run in the test JVM and nothing more: hears every test and container (registered
 * through {@code META-INF/services}; it records only when {@code -Dgrader.journal=FILE} is set, so
 * an IDE run is a plain JUnit run), turns each test method into a unit (graded if it carries
 * {@link Points} and a lesson tag, else worth nothing) and writes the plan, each start and each
 * result to the {@link Journal}. The reports are written later, by a process in which no student
 * code ran, from that journal alone.
 *
 * <p>A failing container (say a {@code @BeforeAll}) fails the units under it that never ran. A
 * stub's {@code NotImplementedYet} anywhere in a failure's causes makes the unit "not started",
 * or, in a later lesson than the stub's, "blocked by" that lesson. A unit that runs out of time,
 * runs out of memory, or leaves library code running while its failure is read ({@link LibraryCalls})
 * ends this JVM once its result is recorded, with the library methods found still running (or where
 * the memory ran out) in the journal: the grading process grades those as not started and starts a
 * fresh JVM for the tests after it.
 */
public final class GradingListener implements TestExecutionListener {
    /** The exit code of a test JVM that stopped itself after a timeout. */
    public static final int TIMED_OUT = 75;
    /** The exit code of a test JVM that stopped itself after running out of memory. */
    public static final int OUT_OF_MEMORY = 3;
    private static final int OUTPUT_LIMIT_BYTES = 16 * 1024;

    private final Path journalFile;
    private Journal journal;
    private TestPlan plan;
    private final Map<String, Integer> lessons = new ConcurrentHashMap<>();   // unit id -> lesson (0: no points)
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private CappedOutput cappedOut;
    private CappedOutput cappedErr;
    private volatile String current;                                            // the unit running now, if any
    private static volatile GradingListener active;                             // the one recording in this JVM
    private byte[] reserve = new byte[4 << 20];                                 // freed to record running out of memory

    /** As registered by the platform: records to {@code -Dgrader.journal}, or not at all. */
    public GradingListener() {
        this(Optional.ofNullable(System.getProperty("grader.journal")).map(Path::of).orElse(null));
    }

    /** Records to {@code journalFile}; null records nothing. */
    public GradingListener(Path journalFile) {
        this.journalFile = journalFile;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (journalFile == null) {
            return;
        }
        plan = testPlan;
        active = this;
        try {
            journal = new Journal(journalFile);
        } catch (IOException e) {
            throw new IllegalStateException("grader: cannot write " + journalFile + ": " + e, e);
        }
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                planUnit(id);
            }
        }
        originalOut = System.out;
        originalErr = System.err;
        cappedOut = new CappedOutput(originalOut, OUTPUT_LIMIT_BYTES);
        cappedErr = new CappedOutput(originalErr, OUTPUT_LIMIT_BYTES);
        System.setOut(cappedOut.stream());
        System.setErr(cappedErr.stream());
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (journal != null && lessons.containsKey(id.getUniqueId())) {
            cappedOut.reset();
            cappedErr.reset();
            current = id.getUniqueId();
            journal.start(id.getUniqueId());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (journal == null) {
            return;
        }
        for (String unit : unitsAtOrBelow(id)) {
            // A graded test that is skipped earns nothing; a check worth no points that does not apply is no failure.
            record(unit, lessons.getOrDefault(unit, 0) == 0 ? Outcome.PASSED : Outcome.FAILED, "skipped: " + reason, "", "");
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (journal == null) {
            return;
        }
        Optional<String> unit = enclosingUnit(id);
        Throwable t = result.getThrowable().orElse(null);
        List<Throwable> causes = LibraryCalls.causes(t);
        OutOfMemoryError oom = outOfMemory(causes);
        if (oom != null) {
            outOfMemory(oom, current != null ? current : unit.orElseGet(() -> unitsAtOrBelow(id).stream().findFirst().orElse(null)));
        }
        if (unit.isPresent()) {
            record(unit.get(), result);
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            for (String below : unitsAtOrBelow(id)) {
                if (!recorded.contains(below)) {
                    record(below, result);
                }
            }
        }
        if (id.getUniqueId().equals(current)) {
            current = null;
        }
        List<String> units = unit.map(List::of).orElseGet(() -> unitsAtOrBelow(id));
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && timedOut(causes) && !units.isEmpty()) {
            // The timed-out code may still be running: nothing after it could trust this JVM.
            stop(units.get(0), "did not return within " + limitOf(causes)
                    + " (a loop that never ends, or far more work than the method needs?)", StillRunning.methods(), TIMED_OUT);
        }
        Thread stuck = LibraryCalls.stuck();
        if (stuck != null && !units.isEmpty()) {
            stop(units.get(0), "threw an exception whose " + stuck.getName().replace("grader-reads-", "")
                    + " did not return within " + LibraryCalls.LIMIT_MS / 1000 + " s", StillRunning.methods(stuck), TIMED_OUT);
        }
    }

    /**
     * Records that the test running now ran out of memory (the JVM caught it before it reached a
     * listener), then ends this JVM. For {@link TestJvm}; does nothing if no test is running.
     */
    static void outOfMemoryEscaped(OutOfMemoryError e) {
        GradingListener listener = active;
        if (listener != null && listener.journal != null && listener.current != null) {
            listener.outOfMemory(e, listener.current);
        }
    }

    private void outOfMemory(OutOfMemoryError e, String unit) {
        reserve = null;
        if (unit == null) {
            return;
        }
        String where = "";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (LibraryCalls.isLibrary(frame.getClassName())) {
                where = "\n  at " + frame;
                break;
            }
        }
        record(unit, Outcome.FAILED, "OutOfMemoryError: " + e.getMessage() + " (an array far larger than the task needs?)" + where,
                "", "");
        stop(unit, "ran out of memory", StillRunning.methods(e.getStackTrace()), OUT_OF_MEMORY);
    }

    /** Writes which library methods {@code unit} left running (or where it ran out of memory) and ends this JVM. */
    private void stop(String unit, String what, List<String> methods, int exit) {
        List<String> fields = new ArrayList<>(List.of(Journal.RUNNING, unit, what));
        fields.addAll(methods);
        journal.write(fields.toArray(String[]::new));
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exit);
    }

    private static OutOfMemoryError outOfMemory(List<Throwable> causes) {
        for (Throwable c : causes) {
            if (c.getClass() == OutOfMemoryError.class) {
                return (OutOfMemoryError) c;
            }
        }
        return null;
    }

    /** "10 s", from JUnit's own timeout message ("... timed out after 10 seconds"). */
    private static String limitOf(List<Throwable> causes) {
        for (Throwable c : causes) {
            if (c.getClass() == TimeoutException.class) {
                Matcher m = Pattern.compile("after (\\d+) (second|millisecond|minute)").matcher(String.valueOf(c.getMessage()));
                if (m.find()) {
                    return m.group(1) + " " + switch (m.group(2)) {
                        case "second" -> "s";
                        case "millisecond" -> "ms";
                        default -> "min";
                    };
                }
            }
        }
        return "its time limit";
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (journal == null) {
            return;
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
        journal.done();
        try {
            journal.close();
        } catch (IOException e) {
            originalErr.println("grader: could not close " + journalFile + ": " + e);
        }
    }

    private static boolean timedOut(List<Throwable> causes) {
        return causes.stream().anyMatch(c -> c instanceof TimeoutException);
    }

    private void record(String unit, TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(unit, Outcome.PASSED, "", "", "");
            case ABORTED, FAILED -> {
                Throwable t = result.getThrowable().orElse(null);
                Failures.NotStarted stub = Failures.notStarted(t);
                int lesson = lessons.getOrDefault(unit, 0);
                if (lesson == 0 && result.getStatus() == TestExecutionResult.Status.ABORTED) {
                    // A check worth no points that does not apply (an assumption, or a stub) is no failure.
                    record(unit, Outcome.PASSED, "aborted: " + Failures.describe(t), "", "");
                } else if (stub == null) {
                    record(unit, Outcome.FAILED, Failures.describe(t) + (timedOut(LibraryCalls.causes(t)) ? stillRunning() : ""), "", "");
                } else if (stub.lesson() > 0 && lesson > stub.lesson()) {
                    record(unit, Outcome.NOT_STARTED, "blocked by Lesson " + stub.lesson() + ": " + stub.method()
                            + " is not started", stub.method(), stub.hint());
                } else {
                    record(unit, Outcome.NOT_STARTED, stub.message(), stub.method(), stub.hint());
                }
            }
        }
    }

    /** Where the library code of a timed-out test is still running, if it is: "still running at ...". */
    private static String stillRunning() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() == Thread.currentThread()) {
                continue;
            }
            for (StackTraceElement frame : e.getValue()) {
                if (LibraryCalls.isLibrary(frame.getClassName())) {
                    return "\n  still running at " + frame;
                }
            }
        }
        return "";
    }

    private void record(String unit, Outcome outcome, String message, String stub, String stubHint) {
        recorded.add(unit);
        journal.result(unit, outcome, message, stub, stubHint);
    }

    private Optional<String> enclosingUnit(TestIdentifier id) {
        Optional<TestIdentifier> current = Optional.of(id);
        while (current.isPresent()) {
            if (lessons.containsKey(current.get().getUniqueId())) {
                return Optional.of(current.get().getUniqueId());
            }
            current = plan.getParent(current.get());
        }
        return Optional.empty();
    }

    private List<String> unitsAtOrBelow(TestIdentifier id) {
        List<String> found = new ArrayList<>();
        if (lessons.containsKey(id.getUniqueId())) {
            found.add(id.getUniqueId());
        }
        for (TestIdentifier child : plan.getDescendants(id)) {
            if (lessons.containsKey(child.getUniqueId())) {
                found.add(child.getUniqueId());
            }
        }
        return found;
    }

    private void planUnit(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource source)) {
            return;
        }
        if (enclosingUnit(id).isPresent()) {
            return;   // a case of a parameterised method already planned
        }
        Method method;
        try {
            method = source.getJavaMethod();
        } catch (RuntimeException e) {
            return;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (TestTag tag : id.getTags()) {
            tags.add(tag.getName());
        }
        String testClass = source.getClassName().substring(source.getClassName().lastIndexOf('.') + 1);
        String hint = method.isAnnotationPresent(Hint.class) ? method.getAnnotation(Hint.class).value() : "";
        Points points = method.getAnnotation(Points.class);
        int lesson = tags.stream().map(Lesson::fromTag).flatMap(Optional::stream).findFirst().map(Lesson::number).orElse(0);
        if (points == null) {
            lesson = 0;
        }
        lessons.put(id.getUniqueId(), lesson);
        journal.plan(id.getUniqueId(), lesson, points == null ? 0 : points.value(), displayPath(id), testClass,
                source.getMethodName(), hint);
    }

    /** "Linear > backward > dW matches the numeric gradient": display names below the engine. */
    private String displayPath(TestIdentifier id) {
        List<String> names = new ArrayList<>();
        Optional<TestIdentifier> current = Optional.of(id);
        while (current.isPresent() && current.get().getParentId().isPresent()) {
            names.add(0, current.get().getDisplayName());
            current = plan.getParent(current.get());
        }
        return String.join(" > ", names);
    }
}
