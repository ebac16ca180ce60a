package kit.grader.scoring;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test JVM's entry point, started by {@link TestRuns}: runs the grader's tests (all of them,
 * those of {@code --groups}, those matching {@code --test}, or the unique ids listed in
 * {@code --select FILE}) with a {@link GradingListener} recording into {@code --journal FILE}.
 * With {@code --plan-only} it discovers and records the plan without running anything.
 *
 * <p>This is the only process in which student code runs; it writes nothing but its journal. JUnit's
 * stack-trace pruning is off: it walks a failure's causes with the exceptions' own methods, which a
 * library class can override (the {@link GradingListener} reads them with {@link LibraryCalls}). An
 * {@code OutOfMemoryError} that JUnit passes on (it treats it as unrecoverable) fails the test that
 * was running and ends the JVM with {@link GradingListener#OUT_OF_MEMORY}.
 */
public final class TestJvm {
    /** A selection of whole lessons, as the kit makes it: {@code lesson3}, {@code (lesson1 | lesson2) & (!selfcheck)}. */
    private static final Pattern LESSONS_ONLY = Pattern.compile(
            "\\(?\\s*(lesson\\d+(?:\\s*\\|\\s*lesson\\d+)*)\\s*\\)?(?:\\s*&\\s*\\(?\\s*!\\s*selfcheck\\s*\\)?)?");

    private TestJvm() {
    }

    public static void main(String[] args) throws IOException {
        Path journal = null;
        String groups = "";
        String test = "";
        Path select = null;
        boolean planOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--journal" -> journal = Path.of(args[++i]);
                case "--groups" -> groups = args[++i];
                case "--test" -> test = args[++i];
                case "--select" -> select = Path.of(args[++i]);
                case "--plan-only" -> planOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (journal == null) {
            throw new IllegalArgumentException("usage: TestJvm --journal FILE [--groups EXPR] [--test PATTERN] [--select FILE] [--plan-only]");
        }
        LauncherDiscoveryRequest discovery = discovery(groups, test, select);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        GradingListener listener = new GradingListener(journal);
        if (planOnly) {
            var plan = launcher.discover(discovery);
            listener.testPlanExecutionStarted(plan);
            listener.testPlanExecutionFinished(plan);
        } else {
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                if (e instanceof OutOfMemoryError oom) {
                    endOutOfMemory(oom);
                }
            });
            try {
                launcher.execute(discovery, listener);
            } catch (OutOfMemoryError e) {
                endOutOfMemory(e);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    /** What to run: the unique ids in {@code select} if given, else the tests of {@code groups} matching {@code test}. */
    public static LauncherDiscoveryRequest discovery(String groups, String test, Path select) throws IOException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false");
        if (select != null) {
            for (String id : Files.readAllLines(select, StandardCharsets.UTF_8)) {
                if (!id.isBlank()) {
                    request.selectors(selectUniqueId(id));
                }
            }
            return request.build();
        }
        for (String p : packages(groups)) {
            request.selectors(selectPackage(p));
        }
        request.filters(includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN));
        if (!groups.isBlank()) {
            request.filters(TagFilter.includeTags(groups));
        }
        if (!test.isBlank()) {
            request.filters(byName(test));
        }
        return request.build();
    }

    /**
     * The packages to look for tests in: for the selections the kit makes of whole lessons
     * ({@code lesson3}, {@code (lesson1 | lesson2) & (!selfcheck)}), only those lessons' packages,
     * since every test tagged {@code lessonN} lives in {@code kit.grader.lessonN} (the kit's own
     * check proves it); for anything else all of {@code kit.grader}. Loading fewer classes saves
     * about half a second of every lesson's run.
     */
    static List<String> packages(String groups) {
        java.util.regex.Matcher m = LESSONS_ONLY.matcher(groups.strip());
        if (!m.matches()) {
            return List.of("kit.grader");
        }
        List<String> packages = new ArrayList<>();
        java.util.regex.Matcher lesson = Pattern.compile("lesson(\\d+)").matcher(m.group(1));
        while (lesson.find()) {
            packages.add("kit.grader.lesson" + lesson.group(1));
        }
        return packages;
    }

    private static void endOutOfMemory(OutOfMemoryError e) {
        GradingListener.outOfMemoryEscaped(e);
        Runtime.getRuntime().halt(GradingListener.OUT_OF_MEMORY);
    }

    /**
     * Surefire's {@code -Dtest} patterns, so the rerun commands the reports print keep working:
     * comma-separated {@code Class}, {@code Class#method} or {@code Class$Nested#method}, with
     * {@code *} as a wildcard; a class pattern also takes its nested classes.
     */
    static PostDiscoveryFilter byName(String patterns) {
        List<Pattern[]> wanted = new ArrayList<>();
        for (String p : patterns.split(",")) {
            String[] parts = p.strip().split("#", 2);
            wanted.add(new Pattern[] {glob(parts[0]), parts.length > 1 ? glob(parts[1]) : null});
        }
        return descriptor -> {
            if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
                return FilterResult.included("not a method");
            }
            String name = source.getClassName();
            String simple = name.substring(name.lastIndexOf('.') + 1);
            for (Pattern[] w : wanted) {
                boolean classMatches = w[0].matcher(simple).matches() || w[0].matcher(name).matches()
                        || (w[1] == null && (w[0].matcher(simple.split("\\$")[0]).matches()));
                if (classMatches && (w[1] == null || w[1].matcher(source.getMethodName()).matches())) {
                    return FilterResult.included("matches -Dtest");
                }
            }
            return FilterResult.excluded("does not match -Dtest=" + patterns);
        };
    }

    private static Pattern glob(String glob) {
        return Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"));
    }
}
