package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instructor's settings for every grading of a bundle or a regrade, kept in
 * {@code autograder.properties}:
 * <ul>
 *   <li>{@code timeout.seconds}: one grading's time limit;</li>
 *   <li>{@code seed}: the grading seed of every randomised check, a number, or {@code random}
 *   (the default): one drawn per submission and recorded in its results;</li>
 *   <li>{@code assigned}: the lessons assigned so far ({@code all}, or such as {@code 1-3,5}),
 *   by default the kit's own setting, {@code grader.assigned} in its {@code pom.xml};</li>
 *   <li>{@code heap.maven}, {@code heap.tests}: the largest heap of Maven's JVM (which compiles
 *   and writes the reports) and of each test JVM, sized so that a grading of all eight lessons
 *   fits Gradescope's default container (README, "Gradescope");</li>
 *   <li>{@code maven.arg.N}: further grader arguments, such as {@code -Dlesson=2}.</li>
 * </ul>
 */
record GradingOptions(Duration timeout, String seed, String assigned, String mavenHeap, String testHeap,
                      List<String> graderArgs) {
    static final int DEFAULT_TIMEOUT_SECONDS = 480;
    static final String RANDOM = "random";
    static final String MAVEN_HEAP = "160m";
    static final String TEST_HEAP = "256m";
    private static final Pattern ASSIGNED = Pattern.compile("<grader\\.assigned>([^<]*)</grader\\.assigned>");
    private static final Pattern HEAP = Pattern.compile("\\d+[kmgKMG]?");

    GradingOptions {
        if (!seed.equals(RANDOM) && !seed.matches("-?\\d{1,18}")) {
            throw new IllegalArgumentException("the seed must be a number or \"random\", not \"" + seed + "\"");
        }
        if (!assigned.matches("all|[0-9][0-9 ,-]*")) {
            throw new IllegalArgumentException("the assigned lessons must be \"all\" or numbers and ranges such as "
                    + "1-3,5, not \"" + assigned + "\"");
        }
        for (String heap : List.of(mavenHeap, testHeap)) {
            if (!HEAP.matcher(heap).matches()) {
                throw new IllegalArgumentException("a heap size is a number with k, m or g, such as 256m, not \""
                        + heap + "\"");
            }
        }
        graderArgs = List.copyOf(graderArgs);
    }

    /** The defaults for the kit at {@code kit}: its assigned lessons, a seed drawn per submission. */
    static GradingOptions defaults(Path kit) throws IOException {
        return new GradingOptions(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS), RANDOM, assignedIn(kit), MAVEN_HEAP,
                TEST_HEAP, List.of());
    }

    /** The lessons the kit's {@code pom.xml} names as assigned ({@code grader.assigned}). */
    static String assignedIn(Path kit) throws IOException {
        Matcher m = ASSIGNED.matcher(Files.readString(kit.resolve("pom.xml"), StandardCharsets.UTF_8));
        return m.find() ? m.group(1).strip() : "all";
    }

    /** Reads the settings a bundle carries; what it lacks is the kit's default. */
    static GradingOptions from(Properties p, Path kit) throws IOException {
        GradingOptions d = defaults(kit);
        List<String> args = new ArrayList<>();
        for (int i = 0; p.containsKey("maven.arg." + i); i++) {
            args.add(p.getProperty("maven.arg." + i));
        }
        return new GradingOptions(Duration.ofSeconds(Long.parseLong(p.getProperty("timeout.seconds",
                String.valueOf(d.timeout().toSeconds())))), p.getProperty("seed", d.seed()),
                p.getProperty("assigned", d.assigned()), p.getProperty("heap.maven", d.mavenHeap()),
                p.getProperty("heap.tests", d.testHeap()), args);
    }

    /**
     * Reads one command-line option at {@code args[i]} ({@code --timeout}, {@code --seed},
     * {@code --lessons}, {@code --heap-maven}, {@code --heap-tests}, or {@code --} followed by
     * grader arguments); returns the options and how many arguments it used, or null if
     * {@code args[i]} is none of these.
     */
    Parsed parse(String[] args, int i) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (!args[i].equals("--") && value == null) {
            return null;
        }
        return switch (args[i]) {
            case "--timeout" -> new Parsed(new GradingOptions(Duration.ofSeconds(Long.parseLong(value)), seed, assigned,
                    mavenHeap, testHeap, graderArgs), 2);
            case "--seed" -> new Parsed(new GradingOptions(timeout, value, assigned, mavenHeap, testHeap, graderArgs), 2);
            case "--lessons" -> new Parsed(new GradingOptions(timeout, seed, value, mavenHeap, testHeap, graderArgs), 2);
            case "--heap-maven" -> new Parsed(new GradingOptions(timeout, seed, assigned, value, testHeap, graderArgs), 2);
            case "--heap-tests" -> new Parsed(new GradingOptions(timeout, seed, assigned, mavenHeap, value, graderArgs), 2);
            case "--" -> new Parsed(new GradingOptions(timeout, seed, assigned, mavenHeap, testHeap,
                    List.of(args).subList(i + 1, args.length)), args.length - i);
            default -> null;
        };
    }

    /** One option read: the options with it, and how many arguments it took. */
    record Parsed(GradingOptions options, int used) {
    }

    /** The options the usage lines name. */
    static final String USAGE = "[--timeout SECONDS] [--seed N|random] [--lessons all|1-3,5] [--heap-maven SIZE] "
            + "[--heap-tests SIZE] [-- GRADER-ARGS...]";

    void store(Properties p) {
        p.setProperty("timeout.seconds", String.valueOf(timeout.toSeconds()));
        p.setProperty("seed", seed);
        p.setProperty("assigned", assigned);
        p.setProperty("heap.maven", mavenHeap);
        p.setProperty("heap.tests", testHeap);
        for (int i = 0; i < graderArgs.size(); i++) {
            p.setProperty("maven.arg." + i, graderArgs.get(i));
        }
    }

    /** The seed for one grading: the instructor's, or a fresh one. */
    String seedForOneGrading() {
        return seed.equals(RANDOM) ? String.valueOf(1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1)) : seed;
    }

    /** The grader's arguments for one grading on {@code seed}. */
    List<String> mavenArgs(String oneSeed) {
        List<String> args = new ArrayList<>(List.of("-Dgrader.seed=" + oneSeed, "-Dgrader.assigned=" + assigned,
                "-Dgrader.jvm.options=-Xmx" + testHeap));
        args.addAll(graderArgs);
        return args;
    }

    /** Maven's own JVM options: its heap, added to the kit's .mvn/jvm.config. */
    String mavenOpts() {
        return "-Xmx" + mavenHeap + " -XX:+UseSerialGC";
    }

    /** One line for the tools' output. */
    String describe() {
        return "time limit " + timeout.toSeconds() + " s per grading, seed " + (seed.equals(RANDOM)
                ? "drawn per submission" : seed) + ", lessons " + assigned + ", heaps " + mavenHeap + " (Maven) and "
                + testHeap + " (tests)" + (graderArgs.isEmpty() ? "" : ", grader arguments " + String.join(" ", graderArgs));
    }
}
