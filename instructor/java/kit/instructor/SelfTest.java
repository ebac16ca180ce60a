package kit.instructor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The instructor tools' own test, end to end and with real gradings: build the Gradescope bundle
 * with its command, unpack it into a temporary root, run its {@code setup.sh} and then its
 * {@code run_autograder} over three submissions (the reference, the untouched stubs, one that
 * does not compile); then {@code regrade} over those three plus one with an endless loop. Every
 * results.json is checked against Gradescope's schema. Ends with the line "N passed, M failed".
 * <pre>
 *   instructor/tool SelfTest KIT [--timeout SECONDS]   (the least time limit in the batch, default 45)
 *   instructor/tool SelfTest KIT --unit                the fast checks alone, no grading
 * </pre>
 */
public final class SelfTest {
    private final Path kit;
    private final Path tmp;
    private final Checks checks = new Checks();
    private final List<String> timings = new ArrayList<>();
    private double referenceSeconds;

    private SelfTest(Path kit, Path tmp) {
        this.kit = kit;
        this.tmp = tmp;
    }

    public static void main(String[] args) throws Exception {
        Path kit = Kit.root(Path.of(args[0]));
        long timeout = 45;
        boolean unitOnly = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--timeout" -> timeout = Long.parseLong(args[++i]);
                case "--unit" -> unitOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path tmp = Files.createTempDirectory("kit-instructor-test-").toRealPath();
        SelfTest test = new SelfTest(kit, tmp);
        try {
            UnitChecks.run(test.checks, tmp.resolve("unit"));
            if (!unitOnly) {
                Fixtures fixtures = Fixtures.make(kit, tmp.resolve("submissions"));
                test.bundle(fixtures);
                test.batch(fixtures, timeout);
            }
        } catch (Exception e) {
            test.checks.fail("the self-test itself", e.toString());
        } finally {
            Kit.delete(tmp);
        }
        test.timings.forEach(t -> System.out.println("time: " + t));
        System.out.println(test.checks.passed + " passed, " + test.checks.failed + " failed");
        System.exit(test.checks.failed == 0 ? 0 : 1);
    }

    private void bundle(Fixtures fixtures) throws Exception {
        Path zip = tmp.resolve("autograder.zip");
        long t = System.nanoTime();
        // A generous time limit: the bundle's gradings must not fail on a busy machine. (No fixture
        // reaches a time limit any more: the grader stubs a method it finds running at a timeout.)
        int rc = run(List.of("bash", kit.resolve("instructor/build-autograder").toString(), "--out", zip.toString(),
                "--timeout", "1500"), null, tmp.resolve("build.log"));
        timings.add(String.format("building the bundle: %.1f s", seconds(t)));
        checks.that("build-autograder builds autograder.zip", rc == 0 && Files.isRegularFile(zip), "exit " + rc);
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("source"));
        rc = run(List.of("unzip", "-q", zip.toString(), "-d", root.resolve("source").toString()), null, tmp.resolve("unzip.log"));
        checks.that("the bundle has setup.sh and run_autograder at its root, executable", rc == 0
                && Files.isExecutable(root.resolve("source/setup.sh"))
                && Files.isExecutable(root.resolve("source/run_autograder")), "unzip exit " + rc);
        t = System.nanoTime();
        rc = run(List.of("bash", root.resolve("source/setup.sh").toString()), root, tmp.resolve("setup.log"));
        timings.add(String.format("setup.sh (JDK present; warming Maven): %.1f s", seconds(t)));
        checks.that("setup.sh warms up by grading the stubs", rc == 0, tail(tmp.resolve("setup.log")));
        for (Fixtures.Case c : fixtures.bundleCases()) {
            Path submission = root.resolve("submission");
            Kit.delete(submission);
            Kit.copy(c.dir(), submission);
            Kit.delete(root.resolve("results"));
            t = System.nanoTime();
            rc = run(List.of(root.resolve("source/run_autograder").toString()), root, tmp.resolve(c.name() + ".log"));
            timings.add(String.format("run_autograder on %s: %.1f s", c.name(), seconds(t)));
            if (c.status() == Results.Status.FULL_MARKS) {
                referenceSeconds = seconds(t);
            }
            checks.that("run_autograder on " + c.name() + " exits 0", rc == 0, tail(tmp.resolve(c.name() + ".log")));
            expect(c, root.resolve("results/results.json"), "run_autograder");
        }
    }

    /** The total of {@code student}'s row in the gradebook, or null. */
    private static String total(List<String> rows, String student, int columns) {
        return rows.stream().filter(r -> r.startsWith(student + ",")).map(r -> r.split(",")[columns - 4])
                .findFirst().orElse(null);
    }

    /**
     * The batch's time limit is the larger of {@code floor} and three times what the reference
     * just took through run_autograder, so a busy machine does not stop the reference too.
     */
    private void batch(Fixtures fixtures, long floor) throws Exception {
        long timeout = Math.max(floor, (long) Math.ceil(3 * referenceSeconds));
        Path out = tmp.resolve("grades");
        long t = System.nanoTime();
        System.out.println("regrade with a time limit of " + timeout + " s per submission");
        int rc = run(List.of("bash", kit.resolve("instructor/regrade").toString(), fixtures.root().toString(),
                "--out", out.toString(), "--timeout", String.valueOf(timeout)), null, tmp.resolve("regrade.log"));
        double total = seconds(t);
        int n = fixtures.batchCases().size();
        timings.add(String.format("regrade of %d submissions: %.1f s (%.1f s each)", n, total, total / n));
        checks.that("regrade exits 0", rc == 0, tail(tmp.resolve("regrade.log")));
        String log = Files.readString(tmp.resolve("regrade.log"), StandardCharsets.UTF_8);
        checks.that("regrade shows progress (i of n, elapsed)", log.contains("[1/" + n + "]")
                && log.contains("[" + n + "/" + n + "]") && log.contains("elapsed"), log);
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>(List.of("student"));
        Kit.lessons(kit).forEach(l -> header.add("lesson" + l));
        header.addAll(List.of("total", "status", "seconds", "seed"));
        checks.that("the gradebook's header names every lesson", rows.get(0).equals(String.join(",", header)),
                rows.get(0));
        checks.that("the gradebook has one row per submission", rows.size() == n + 1, String.join("\n", rows));
        for (int i = 0; i < n && i + 1 < rows.size(); i++) {
            Fixtures.Case c = fixtures.batchCases().get(i);
            String[] row = rows.get(i + 1).split(",");
            Results r = expect(c, out.resolve(c.name()).resolve("results.json"), "regrade");
            BigDecimal sum = BigDecimal.ZERO;
            for (int l = 1; l < header.size() - 4; l++) {
                sum = sum.add(new BigDecimal(row[l]));
            }
            checks.that("regrade's row for " + c.name() + " has its name, status and total", row[0].equals(c.name())
                    && r != null && row[header.size() - 3].equals(r.status().label)
                    && new BigDecimal(row[header.size() - 4]).compareTo(r == null ? BigDecimal.ZERO : r.score()) == 0
                    && sum.compareTo(new BigDecimal(row[header.size() - 4])) == 0
                    && row[header.size() - 1].equals(r.seed()), rows.get(i + 1));
            timings.add("regrade of " + c.name() + ": " + row[header.size() - 2] + " s");
        }
        String compileError = total(rows, "c-compile-error", header.size());
        checks.that("an endless loop in Linear.affine costs what its compile error costs (no more)",
                compileError != null && compileError.equals(total(rows, "d-endless-loop", header.size())),
                String.join("\n", rows));
        checks.that("no file of one submission reaches the next one's grading (the stubs, graded right after "
                + "the reference, score 0)", rows.size() > 2 && rows.get(1).startsWith("a-reference,")
                && rows.get(1).contains(",full marks,") && rows.get(2).startsWith("b-stubs,")
                && rows.get(2).contains(",0,graded,"), String.join("\n", rows));
    }

    /** Checks one results.json against the schema and the case's expected grade; returns it. */
    private Results expect(Fixtures.Case c, Path file, String by) throws IOException {
        String where = by + " on " + c.name();
        if (!Files.isRegularFile(file)) {
            checks.fail(where + " writes results.json", "no " + file);
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (IllegalArgumentException e) {
            checks.fail(where + " writes valid JSON", e.getMessage());
            return null;
        }
        List<String> problems = GradescopeSchema.problems(parsed);
        checks.that(where + ": results.json follows Gradescope's schema", problems.isEmpty(), problems.toString());
        Results r = Results.fromParsed(parsed);
        Map<Integer, BigDecimal> lessons = r.pointsPerLesson();
        String got = r.status().label + ", score " + r.score() + ", per lesson " + lessons;
        String output = (String) r.json.get("output");
        boolean ok = switch (c.status()) {
            case FULL_MARKS -> r.status() == c.status() && r.score().signum() > 0
                    && r.score().compareTo(r.maxScore()) == 0 && lessons.keySet().containsAll(Kit.lessons(kit));
            // The untouched stubs: 0. A method stubbed after it ran away: the rest graded, the reason named.
            case GRADED -> r.status() == c.status() && r.maxScore().signum() > 0 && (c.expectedOutput().isEmpty()
                    ? r.score().signum() == 0
                    : r.score().signum() > 0 && r.score().compareTo(r.maxScore()) < 0
                            && r.allOutput().contains(c.expectedOutput()));
            // One method does not compile: it is not started (the compiler's line named), the rest graded.
            case COMPILE_ERROR -> r.status() == c.status() && r.score().signum() > 0
                    && r.score().compareTo(r.maxScore()) < 0 && output.contains(c.expectedOutput());
            default -> r.status() == c.status() && r.score().signum() == 0 && output.contains(c.expectedOutput());
        };
        checks.that(where + ": the output names no deleted temporary folder", !output.contains("kit-grading-"),
                output);
        checks.that(where + " grades it " + c.status().label + (c.expectedOutput().isEmpty() ? ""
                : " naming " + c.expectedOutput()), ok, got + "\n" + r.json.get("output"));
        return r;
    }

    private static int run(List<String> command, Path root, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (root != null) {
            pb.environment().put("AUTOGRADER_ROOT", root.toString());
        }
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Counts checks and prints each failure with what was seen. */
    static final class Checks {
        int passed;
        int failed;

        void that(String what, boolean ok, String seen) {
            if (ok) {
                passed++;
                System.out.println("PASS " + what);
            } else {
                fail(what, seen);
            }
        }

        void fail(String what, String seen) {
            failed++;
            System.out.println("FAIL " + what + "\n    " + seen.replace("\n", "\n    "));
        }
    }
}
