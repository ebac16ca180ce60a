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
import java.util.function.Consumer;
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
    static final String RELU = "kit/lesson1/ReLU.java";
    static final String LINEAR = "kit/lesson1/Linear.java";
    static final String STUB = "throw new kit.core.NotImplementedYet(1, \"ReLU.relu\", \"battery\");";

    /** What a case's score must be: the reference's maximum, the reference without ReLU.relu, at most that, or 0. */
    enum Expect { FULL, BELOW_FULL, HONEST, AT_MOST_HONEST, ZERO }

    record Case(String name, boolean fromReference, boolean withSolutions, Consumer<Map<String, String>> change,
            Expect expect, String cause) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("reference", true, true, s -> { }, Expect.FULL, "all done: full marks"),
                new Case("reference-without-relu", true, true, s -> relu(s, STUB), Expect.HONEST, "not started"),
                new Case("endless-loop-in-a-method", true, true,
                        s -> relu(s, "double s = 0;\nwhile (s >= 0) {\n    s += 1;\n}\nreturn x.clone();"),
                        Expect.HONEST, "a loop that never ends"),
                new Case("endless-loop-in-a-static-initializer", true, true, s -> relu(s, """
                        class Spin {
                            static final double V;
                            static {
                                double s = 0;
                                while (s >= 0) {
                                    s += 1;
                                }
                                V = s;
                            }
                        }
                        return new double[] {Spin.V};"""), Expect.HONEST, "a loop that never ends"),
                new Case("stack-overflow", true, true, s -> relu(s, "return relu(x);"), Expect.HONEST, "StackOverflowError"),
                new Case("out-of-memory", true, true, s -> relu(s, """
                        double[][] hog = new double[64][];
                        for (int i = 0; i < hog.length; i++) {
                            hog[i] = new double[1 << 27];
                        }
                        return hog[0];"""), Expect.AT_MOST_HONEST, "killed while running ReLU"),
                new Case("print-flood", true, true, s -> relu(s, """
                        System.out.println("flood ".repeat(1 << 17));
                        double[] y = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            y[i] = Math.max(0, x[i]);
                        }
                        return y;"""), Expect.FULL, "all done: full marks"),
                new Case("nan", true, true, s -> relu(s, "double[] y = new double[x.length];\njava.util.Arrays.fill(y, Double.NaN);\nreturn y;"),
                        Expect.BELOW_FULL, "NaN"),
                new Case("exception", true, true, s -> relu(s, "throw new IllegalStateException(\"boom from relu\");"),
                        Expect.HONEST, "IllegalStateException: boom from relu"),
                new Case("exit", true, true, s -> relu(s, "System.exit(0);\nreturn x;"), Expect.ZERO, "java.lang.System.exit"),
                new Case("halt", true, true, s -> relu(s, "Runtime.getRuntime().halt(0);\nreturn x;"), Expect.ZERO,
                        "java.lang.Runtime.halt"),
                new Case("exit-by-method-reference", true, true,
                        s -> relu(s, "java.util.function.IntConsumer bye = System::exit;\nbye.accept(0);\nreturn x;"),
                        Expect.ZERO, "java.lang.System.exit"),
                new Case("exit-by-reflection", true, true, s -> relu(s, """
                        try {
                            Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 0);
                        } catch (ReflectiveOperationException e) {
                            return x;
                        }
                        return x;"""), Expect.ZERO, "java.lang.Class.forName"),
                new Case("exit-by-killing-the-process", true, true,
                        s -> relu(s, "ProcessHandle.current().destroyForcibly();\nreturn x;"), Expect.ZERO, "java.lang.ProcessHandle"),
                new Case("exit-from-a-thread", true, true,
                        s -> relu(s, "new Thread(() -> System.exit(0)).start();\nreturn x;"), Expect.ZERO, "java.lang.Thread"),
                new Case("forged-report", false, true, s -> relu(s, """
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of("results.json"), "{\\"score\\": 45}");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }));
                        return x;"""), Expect.ZERO, "java.lang.Runtime.addShutdownHook"),
                new Case("changed-system-property", true, true,
                        s -> relu(s, "System.setProperty(\"grader.seed\", \"1\");\nreturn x;"), Expect.ZERO,
                        "java.lang.System.setProperty"),
                new Case("shadowed-third-party-class", true, true,
                        s -> s.put("com/google/gson/GsonBuilder.java", "package com.google.gson;\npublic final class GsonBuilder {\n}\n"),
                        Expect.FULL, "com/google/gson/GsonBuilder.java was added and is ignored"),
                new Case("class-outside-kit-without-solutions", false, false,
                        s -> s.put("evil/Payload.java", "package evil;\npublic final class Payload {\n}\n"),
                        Expect.ZERO, "evil.Payload is outside the kit's packages"),
                new Case("comments-across-regions", true, true, s -> {
                    region(s, LINEAR, "Linear.affine", regionOf(s, LINEAR, "Linear.affine") + "\n/*");
                    region(s, LINEAR, "Linear.backward", "*/\n" + regionOf(s, LINEAR, "Linear.backward"));
                }, Expect.ZERO, "must be self-contained, but a /* comment is left open"),
                new Case("changed-signature", true, true,
                        s -> s.put(LINEAR, s.get(LINEAR).replace("public double[] affine(double[] x)",
                                "public double[] affine(double[] x, double scale)")),
                        Expect.ZERO, "changes given code near: public double[] affine(double[] x)"),
                new Case("numeric-backward", true, true, s -> region(s, LINEAR, "Linear.backward", """
                        double h = 1e-5;
                        double[] dx = new double[in];
                        for (int i = 0; i < in; i++) {
                            double keep = x[i];
                            x[i] = keep + h;
                            double[] up = affine(x);
                            x[i] = keep - h;
                            double[] down = affine(x);
                            x[i] = keep;
                            for (int o = 0; o < out; o++) {
                                dx[i] += gradOutput[o] * (up[o] - down[o]) / (2 * h);
                            }
                        }
                        for (int o = 0; o < out; o++) {
                            for (int i = 0; i < in; i++) {
                                double keep = w[o][i];
                                w[o][i] = keep + h;
                                double[] up = affine(x);
                                w[o][i] = keep - h;
                                double[] down = affine(x);
                                w[o][i] = keep;
                                for (int k = 0; k < out; k++) {
                                    dw[o][i] += gradOutput[k] * (up[k] - down[k]) / (2 * h);
                                }
                            }
                            double keep = b[o];
                            b[o] = keep + h;
                            double[] up = affine(x);
                            b[o] = keep - h;
                            double[] down = affine(x);
                            b[o] = keep;
                            for (int k = 0; k < out; k++) {
                                db[o] += gradOutput[k] * (up[k] - down[k]) / (2 * h);
                            }
                        }
                        return dx;"""), Expect.BELOW_FULL, "Does it differentiate numerically"),
                new Case("deleted-file", true, true, s -> s.remove(RELU), Expect.HONEST, "ReLU.java is missing"),
                new Case("compile-error", true, true, s -> relu(s, "return x +;"), Expect.HONEST,
                        "ReLU.relu does not compile, so it is graded as not started"));
    }

    /** One case's outcome. */
    record Result(Case c, int score, int max, double seconds, String problem) {
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
        List<Case> all = cases().stream().filter(c -> only.isEmpty() || only.contains(c.name())
                || c.name().startsWith("reference")).toList();
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

    Result run(Case c, int full, int honest) throws IOException, InterruptedException {
        Path dir = work.resolve(c.name());
        deleteTree(dir);
        Map<String, String> submission = new TreeMap<>(c.fromReference() ? reference : stubs);
        c.change().accept(submission);
        for (Map.Entry<String, String> e : submission.entrySet()) {
            String text = c.fromReference() ? e.getValue().replaceAll("(?m)^[ \\t]*// (BEGIN SOLUTION.*|END SOLUTION)\\R", "")
                    : e.getValue();
            write(dir.resolve("exercises/src/main/java").resolve(e.getKey()), text);
        }
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
        } else if (c.expect() == Expect.FULL && score != (full < 0 ? max : full)) {
            problem = "expected full marks";
        } else if (c.expect() == Expect.BELOW_FULL && score >= full) {
            problem = "expected less than full marks";
        } else if (c.expect() == Expect.HONEST && full >= 0 && score != honest) {
            problem = "expected the honest part's " + honest;
        } else if (c.expect() == Expect.HONEST && full < 0 && score >= max) {
            problem = "expected less than full marks without ReLU.relu";
        } else if (c.expect() == Expect.AT_MOST_HONEST && score > honest) {
            problem = "expected at most the honest part's " + honest;
        } else if (c.expect() == Expect.ZERO && score != 0) {
            problem = "expected 0";
        } else if (!text.toString().contains(c.cause()) && !output.contains(c.cause())) {
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

    /** Replaces the body of {@code method}'s solution region in {@code file} with {@code code}. */
    static void region(Map<String, String> s, String file, String method, String code) {
        String text = s.get(file);
        int k = regionIndex(file, text, method);
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int seen = -1;
        boolean inside = false;
        for (String line : lines) {
            if (line.strip().startsWith("// BEGIN SOLUTION")) {
                seen++;
                inside = seen == k;
                out.append(line).append('\n');
                if (inside) {
                    String indent = line.substring(0, line.indexOf('/'));
                    for (String c : code.split("\n", -1)) {
                        out.append(indent).append(c).append('\n');
                    }
                }
                continue;
            }
            if (line.strip().startsWith("// END SOLUTION")) {
                inside = false;
            }
            if (!inside) {
                out.append(line).append('\n');
            }
        }
        s.put(file, out.substring(0, out.length() - 1));
    }

    /** The reference's code in {@code method}'s region. */
    static String regionOf(Map<String, String> s, String file, String method) {
        String text = s.get(file);
        int k = regionIndex(file, text, method);
        List<String> body = new ArrayList<>();
        int seen = -1;
        boolean inside = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("// BEGIN SOLUTION")) {
                inside = ++seen == k;
            } else if (line.strip().startsWith("// END SOLUTION")) {
                inside = false;
            } else if (inside) {
                body.add(line.strip());
            }
        }
        return String.join("\n", body);
    }

    private static int regionIndex(String file, String text, String method) {
        List<String> stubLines = GenerateExercises.generate(Path.of(file), text).lines()
                .filter(l -> l.contains("NotImplementedYet(")).toList();
        for (int k = 0; k < stubLines.size(); k++) {
            if (stubLines.get(k).contains("\"" + method + "\"")) {
                return k;
            }
        }
        throw new IllegalStateException("the battery needs " + method + " in " + file);
    }

    static void relu(Map<String, String> s, String code) {
        if (s.get(RELU).contains("// BEGIN SOLUTION")) {
            region(s, RELU, "ReLU.relu", code);
        } else {   // the stubs: replace the stub line
            String stub = s.get(RELU).lines().filter(l -> l.contains("\"ReLU.relu\"")).findFirst().orElseThrow();
            s.put(RELU, s.get(RELU).replace(stub, code));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
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
