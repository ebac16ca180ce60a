package kit.grader.scoring;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import kit.grader.report.Reports;

/**
 * Scores a run: hears every test and container (registered through
 * {@code META-INF/services}, so Maven, an IDE and the console launcher all grade the same way),
 * turns each {@link Points}-carrying method and each architecture rule into a {@link GradedTest},
 * and writes every report when the run ends.
 *
 * <p>A failing container (say a {@code @BeforeAll}) fails the tests under it that never ran, so no
 * points go missing silently. A stub's {@code NotImplementedYet} anywhere in a failure's causes
 * makes the test "not started".
 */
public final class GradingListener implements TestExecutionListener {
    static final String RULES_TAG = "rules";
    private static final int OUTPUT_LIMIT_BYTES = 16 * 1024;

    private final Path reportDir;
    private final boolean printTable;
    private TestPlan plan;
    private final Map<String, GradedTest> units = new LinkedHashMap<>();   // unique id -> graded unit
    private final Set<GradedTest> ran = new LinkedHashSet<>();             // in the order they started
    private final List<String> ungradedFailures = new ArrayList<>();       // "name: message"
    private long started;
    private PrintStream originalOut;
    private PrintStream originalErr;
    private CappedOutput cappedOut;
    private CappedOutput cappedErr;

    /** As registered by the platform: reports to {@code -Dgrader.reports} (default target/grader). */
    public GradingListener() {
        this(Path.of(System.getProperty("grader.reports", "target/grader")),
                !"false".equals(System.getProperty("grader.console")));
    }

    /** Reports to {@code reportDir}; prints the table at the end if {@code printTable}. */
    public GradingListener(Path reportDir, boolean printTable) {
        this.reportDir = reportDir;
        this.printTable = printTable;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        started = System.nanoTime();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                unitOf(id).ifPresent(unit -> units.put(id.getUniqueId(), unit));
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
        GradedTest unit = units.get(id.getUniqueId());
        if (unit != null) {
            ran.add(unit);
            cappedOut.reset();
            cappedErr.reset();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        for (GradedTest unit : unitsAtOrBelow(id)) {
            unit.record(Outcome.FAILED, "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<GradedTest> unit = enclosingUnit(id);
        if (unit.isPresent()) {
            record(unit.get(), result);
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED && id.isTest()) {
            ungradedFailures.add(displayPath(id) + ": " + Failures.describe(result.getThrowable().orElse(null)));
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            for (GradedTest below : unitsAtOrBelow(id)) {
                if (below.outcome() == null) {
                    record(below, result);
                }
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        System.setOut(originalOut);
        System.setErr(originalErr);
        List<GradedTest> all = new ArrayList<>(ran);
        for (GradedTest unit : units.values()) {
            if (unit.outcome() == null) {
                unit.record(Outcome.FAILED, "did not run");
            }
            if (!ran.contains(unit)) {
                all.add(unit);
            }
        }
        Gradebook book = new Gradebook(all, ungradedFailures, (System.nanoTime() - started) / 1e9);
        try {
            Reports.writeAll(book, reportDir);
        } catch (IOException e) {
            originalErr.println("grader: could not write reports to " + reportDir.toAbsolutePath() + ": " + e);
        }
        if (printTable) {
            originalOut.println(Reports.table(book));
        }
    }

    private void record(GradedTest unit, TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL -> unit.record(Outcome.PASSED, "");
            case ABORTED, FAILED -> {
                Throwable t = result.getThrowable().orElse(null);
                Failures.NotStarted stub = Failures.notStarted(t);
                if (stub != null) {
                    unit.markNotStarted(stub.method(), stub.hint(), stub.message());
                } else {
                    unit.record(Outcome.FAILED, Failures.describe(t));
                }
            }
        }
    }

    private Optional<GradedTest> enclosingUnit(TestIdentifier id) {
        Optional<TestIdentifier> current = Optional.of(id);
        while (current.isPresent()) {
            GradedTest unit = units.get(current.get().getUniqueId());
            if (unit != null) {
                return Optional.of(unit);
            }
            current = plan.getParent(current.get());
        }
        return Optional.empty();
    }

    private List<GradedTest> unitsAtOrBelow(TestIdentifier id) {
        List<GradedTest> found = new ArrayList<>();
        Optional.ofNullable(units.get(id.getUniqueId())).ifPresent(found::add);
        for (TestIdentifier child : plan.getDescendants(id)) {
            Optional.ofNullable(units.get(child.getUniqueId())).ifPresent(found::add);
        }
        return found;
    }

    private Optional<GradedTest> unitOf(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource source)) {
            return Optional.empty();
        }
        Method method;
        try {
            method = source.getJavaMethod();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (TestTag tag : id.getTags()) {
            tags.add(tag.getName());
        }
        String testClass = source.getClassName().substring(source.getClassName().lastIndexOf('.') + 1);
        String hint = method.isAnnotationPresent(Hint.class) ? method.getAnnotation(Hint.class).value() : "";
        if (tags.contains(RULES_TAG)) {
            return Optional.of(new GradedTest(null, displayPath(id), testClass, source.getMethodName(), 0, hint));
        }
        Points points = method.getAnnotation(Points.class);
        Optional<Lesson> lesson = tags.stream().map(Lesson::fromTag).flatMap(Optional::stream).findFirst();
        if (points == null || lesson.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GradedTest(lesson.get(), displayPath(id), testClass, source.getMethodName(),
                points.value(), hint));
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
