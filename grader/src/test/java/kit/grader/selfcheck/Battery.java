package kit.grader.selfcheck;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import kit.grader.tools.Gate;
import kit.grader.tools.GenerateExercises;

/**
 * The grader against hostile and broken submissions: one submission per case, each graded on
 * Lesson 1 as an instructor would (a pristine kit with only {@code exercises/src/main/java} taken
 * from the submission), through the real processes: the gate, then the verdict with its test JVMs.
 * For every case results.json must be written and valid, the score must be what the honest part
 * of the code earns (never more), the reports must name the cause, and the run must end within
 * {@value #BOUND_SECONDS} s. Run by the kit check; not a JUnit test, so a student's
 * {@code ./mvnw test} never pays for it.
 *
 * <pre>
 *   Battery KIT_ROOT WORK_DIR [CASE...]
 * </pre>
 */
public final class Battery {
    static final int BOUND_SECONDS = 240;
    /** One case's outcome. */
    record Result(BatteryCases.Case c, int score, int max, double seconds, String problem) {
    }

    private final Path root;
    private final Path work;
    private final List<String> classpath;
    private final Map<String, String> reference = new TreeMap<>();   // relative path -> a perfect student's file
    private final Map<String, String> stubs = new TreeMap<>();
    private final Map<String, String> solutions = new TreeMap<>();

    Battery(Path root, Path work, List<String> classpath) throws IOException {
        this.root = root;
        this.work = work;
        this.classpath = classpath;
        Path sources = root.resolve("solutions/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String relative = sources.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file, StandardCharsets.UTF_8);
                solutions.put(relative, text);
                stubs.put(relative, GenerateExercises.generate(Path.of(relative), text));
                reference.put(relative, text);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> only = List.of(args).subList(2, args.length);
        Battery battery = new Battery(root, work, ownClasspath());
        long started = System.nanoTime();
        // The cases asked for, with the references and the twins they are compared with.
        List<BatteryCases.Case> all = BatteryCases.cases().stream().filter(c -> only.isEmpty() || only.contains(c.name())
                || c.name().startsWith("reference")
                || only.stream().anyMatch(o -> c.name().equals(BatteryCases.TWINS.get(o)))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Result> results = new ArrayList<>();
        try {
            // The two references first: they fix what the honest part of every other case earns.
            List<Future<Result>> firsts = all.stream().filter(c -> c.name().startsWith("reference"))
                    .map(c -> pool.submit(() -> battery.run(c, -1, -1))).toList();
            for (Future<Result> f : firsts) {
                results.add(f.get());
            }
            int full = results.get(0).max();
            int honest = results.get(1).score();
            List<Future<Result>> rest = all.stream().filter(c -> !c.name().startsWith("reference"))
                    .map(c -> pool.submit(() -> battery.run(c, full, honest))).toList();
            for (Future<Result> f : rest) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            String twin = BatteryCases.TWINS.get(r.c().name());
            if (r.c().expect() == BatteryCases.Expect.SAME_AS_TWIN && r.problem() == null) {
                Result of = results.stream().filter(o -> o.c().name().equals(twin)).findFirst().orElse(null);
                if (of == null || of.score() != r.score()) {
                    results.set(i, new Result(r.c(), r.score(), r.max(), r.seconds(), "expected the score of "
                            + twin + (of == null ? " (not run)" : ", " + of.score())));
                }
            }
        }
        int failed = 0;
        System.out.println();
        System.out.println("battery: each case graded on lesson 1 (reference " + results.get(0).max() + " points, "
                + "without ReLU.relu " + results.get(1).score() + ")");
        for (Result r : results) {
            System.out.printf("  %-40s %3d/%-3d %6.1f s  %s%n", r.c().name(), r.score(), r.max(), r.seconds(),
                    r.problem() == null ? "ok" : "FAILED: " + r.problem());
            failed += r.problem() == null ? 0 : 1;
        }
        System.out.printf("battery: %d of %d cases as expected in %.0f s%n", results.size() - failed, results.size(),
                (System.nanoTime() - started) / 1e9);
        if (failed > 0) {
            System.out.println("BUILD FAILED: the grader's battery found " + failed + " case(s) graded wrongly (above)");
            System.out.flush();
            System.exit(1);
        }
    }

    Result run(BatteryCases.Case c, int full, int honest) throws IOException, InterruptedException {
        Path dir = work.resolve(c.name());
        deleteTree(dir);
        Map<String, String> submission = new TreeMap<>(c.fromReference() ? reference : stubs);
        c.change().accept(submission);
        for (Map.Entry<String, String> e : submission.entrySet()) {
            String text = c.fromReference() ? e.getValue().replaceAll("(?m)^[ \\t]*// (BEGIN SOLUTION.*|END SOLUTION)\\R", "")
                    : e.getValue();
            Path file = dir.resolve("exercises/src/main/java").resolve(e.getKey()).normalize();
            if (text.startsWith(BatteryCases.LINK)) {   // a symbolic link, to a path relative to its folder
                Files.createDirectories(file.getParent());
                Files.createSymbolicLink(file, Path.of(text.substring(BatteryCases.LINK.length())));
            } else {
                write(file, text);
            }
        }
        copyTree(root.resolve("grader/given"), dir.resolve("grader/given"));   // the grader's given code
        if (c.withSolutions()) {
            for (Map.Entry<String, String> e : solutions.entrySet()) {
                write(dir.resolve("solutions/src/main/java").resolve(e.getKey()), e.getValue());
            }
        }
        long started = System.nanoTime();
        String gate = exec(dir, List.of(Gate.class.getName(), dir.toString()));
        Path reports = dir.resolve("reports");
        String verdict = exec(dir, List.of("kit.grader.report.Verdict", "--reports=" + reports, "--expect=full-marks",
                "--library=" + dir.resolve("exercises/target/library"),
                "--gate=" + dir.resolve("exercises/target/grader-gate/gate.properties"), "--groups=lesson1"));
        double seconds = (System.nanoTime() - started) / 1e9;
        String output = gate + verdict;
        Files.writeString(dir.resolve("output.txt"), output, StandardCharsets.UTF_8);
        Path json = reports.resolve("results.json");
        if (!Files.exists(json)) {
            return new Result(c, -1, -1, seconds, "no results.json (see " + dir.resolve("output.txt") + ")");
        }
        JsonObject results;
        try {
            results = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            return new Result(c, -1, -1, seconds, "results.json is not valid JSON: " + e.getMessage());
        }
        int score = results.get("score").getAsInt();
        int max = 0;
        StringBuilder text = new StringBuilder(results.get("output").getAsString());
        for (JsonElement t : results.getAsJsonArray("tests")) {
            JsonObject test = t.getAsJsonObject();
            max += test.get("max_score").getAsInt();
            for (String field : List.of("name", "status", "output")) {
                if (!test.has(field)) {
                    return new Result(c, score, max, seconds, "a test in results.json has no " + field);
                }
            }
            text.append('\n').append(test.get("output").getAsString());
        }
        String problem = null;
        if (max == 0) {
            problem = "results.json lists no graded test";
        } else if (c.expect() == BatteryCases.Expect.FULL && score != (full < 0 ? max : full)) {
            problem = "expected full marks";
        } else if (c.expect() == BatteryCases.Expect.BELOW_FULL && score >= full) {
            problem = "expected less than full marks";
        } else if (c.expect() == BatteryCases.Expect.HONEST && full >= 0 && score != honest) {
            problem = "expected the honest part's " + honest;
        } else if (c.expect() == BatteryCases.Expect.HONEST && full < 0 && score >= max) {
            problem = "expected less than full marks without ReLU.relu";
        } else if (c.expect() == BatteryCases.Expect.AT_MOST_HONEST && score > honest) {
            problem = "expected at most the honest part's " + honest;
        } else if (c.expect() == BatteryCases.Expect.ZERO && score != 0) {
            problem = "expected 0";
        } else if (c.cause().startsWith("~") ? !java.util.regex.Pattern.compile(c.cause().substring(1)).matcher(text + output).find()
                : !text.toString().contains(c.cause()) && !output.contains(c.cause())) {
            problem = "the reports do not say \"" + c.cause() + "\" (see " + dir.resolve("output.txt") + ")";
        } else if (seconds > BOUND_SECONDS) {
            problem = "took " + Math.round(seconds) + " s, more than " + BOUND_SECONDS;
        } else if (output.length() > 256 * 1024) {
            problem = "printed " + output.length() + " characters";
        }
        return new Result(c, score, max, seconds, problem);
    }

    private String exec(Path dir, List<String> main) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath.stream().map(e -> Path.of(e).toAbsolutePath().toString()).toList())));
        command.addAll(main);
        Path log = Files.createTempFile(dir, "process", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(2L * BOUND_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                write(to.resolve(from.relativize(p).toString()), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {   // does not follow links: a case's links are deleted, not their targets
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    private static List<String> ownClasspath() {
        List<String> entries = new ArrayList<>();
        if (Battery.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        return entries;
    }
}
