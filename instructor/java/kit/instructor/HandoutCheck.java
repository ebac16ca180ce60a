package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The kit check's proof of the student handout (run by {@code ./mvnw verify -Pkit}, after the
 * reference's grading). It makes a copy of the kit with Windows line ends (CRLF in every text
 * file, as Git for Windows checks one out), builds the handout and the Gradescope bundle from both
 * trees and requires the same files, byte for byte, with LF line ends. Then, in the handout
 * (lessons 1 and 2 assigned), it grades as a student would ({@code ./mvnw -o test}):
 * <ol>
 *   <li>the untouched stubs: 0, every test not started, lessons 3 to 8 "not assigned";</li>
 *   <li>the reference's regions pasted in: full marks over all eight lessons;</li>
 *   <li>the reference in lessons 1 and 2 only: the exit code judges the assigned lessons, so 0;</li>
 *   <li>one method that does not compile: that method not started with the compiler's line, the
 *   rest of the lesson graded;</li>
 *   <li>one given line changed: refused, naming the file and the line.</li>
 * </ol>
 * <pre>
 *   HandoutCheck KIT [--maven-repo DIR]
 * </pre>
 * Ends with "handout check: N passed, M failed" (.ci/run adds it to the kit check's count) and
 * exits non-zero on a failure.
 */
public final class HandoutCheck {
    private static final String LINEAR = "kit/lesson1/Linear.java";
    private final SelfTest.Checks checks = new SelfTest.Checks();
    private final Path kit;
    private final Path tmp;
    private final String mavenRepo;

    private HandoutCheck(Path kit, Path tmp, String mavenRepo) {
        this.kit = kit;
        this.tmp = tmp;
        this.mavenRepo = mavenRepo;
    }

    public static void main(String[] args) throws Exception {
        Path kit = Kit.root(Path.of(args[0]));
        String repo = args.length > 2 && args[1].equals("--maven-repo") ? args[2] : null;
        Path tmp = Files.createTempDirectory("kit-handout-check-").toRealPath();
        HandoutCheck check = new HandoutCheck(kit, tmp, repo);
        long start = System.nanoTime();
        try {
            Path handout = check.lineEnds();
            check.grades(handout);
        } catch (Exception e) {
            check.checks.fail("the handout check itself", e.toString());
        } finally {
            Kit.delete(tmp);
        }
        System.out.printf("handout check took %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.out.println("handout check: " + check.checks.passed + " passed, " + check.checks.failed + " failed");
        System.exit(check.checks.failed == 0 ? 0 : 1);
    }

    /** Builds the handout and the bundle from the kit and from a CRLF copy; returns the handout. */
    private Path lineEnds() throws IOException {
        Path crlf = tmp.resolve("crlf-kit");
        Kit.copy(kit, crlf);
        int converted = 0;
        try (Stream<Path> all = Files.walk(crlf)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] lf = Files.readAllBytes(f);
                String text = new String(lf, StandardCharsets.ISO_8859_1);
                if (isText(f, lf) && !f.toString().endsWith(".cmd") && text.contains("\n") && !text.contains("\r")) {
                    Files.writeString(f, text.replace("\n", "\r\n"), StandardCharsets.ISO_8859_1);
                    converted++;
                }
            }
        }
        Path handout = tmp.resolve("handout");
        Path fromCrlf = tmp.resolve("handout-from-crlf");
        BuildHandout.build(kit, handout, "1,2", false);
        BuildHandout.build(crlf, fromCrlf, "1,2", false);
        Map<String, byte[]> a = files(handout);
        Map<String, byte[]> b = files(fromCrlf);
        checks.that("a copy of the kit with CRLF line ends (" + converted + " text files) builds the same handout, "
                + "byte for byte", converted > 100 && sameFiles(a, b), differences(a, b));
        List<String> withCr = a.entrySet().stream().filter(e -> !e.getKey().endsWith(".cmd"))
                .filter(e -> isText(Path.of(e.getKey()), e.getValue()))
                .filter(e -> new String(e.getValue(), StandardCharsets.ISO_8859_1).contains("\r")).map(Map.Entry::getKey).toList();
        checks.that("every text file of the handout but mvnw.cmd has LF line ends", withCr.isEmpty(), withCr.toString());
        checks.that("the handout's mvnw is executable", Files.isExecutable(handout.resolve("mvnw")), "");
        List<String> instructors = a.keySet().stream().filter(name -> BuildHandout.INSTRUCTORS_ONLY.stream()
                .filter(top -> !top.equals("README.md") && !top.equals(".github"))
                .anyMatch(top -> name.startsWith(top + "/"))).toList();
        checks.that("the handout has no solutions/, instructor/, .ci/ or bench/", instructors.isEmpty()
                && !a.containsKey(".github/workflows/grade.yml") && a.containsKey(".github/workflows/classroom.yml"),
                instructors.toString());
        String pom = new String(a.get("pom.xml"), StandardCharsets.UTF_8);
        checks.that("the handout's pom.xml names the assigned lessons and has no kit profile",
                pom.contains("<grader.assigned>1,2</grader.assigned>") && !pom.contains("<id>kit</id>"), "");

        Path bundle = tmp.resolve("autograder.zip");
        Path bundleFromCrlf = tmp.resolve("autograder-from-crlf.zip");
        Properties settings = new Properties();
        GradingOptions.defaults(kit).store(settings);
        BuildAutograder.build(kit, bundle, settings);
        BuildAutograder.build(crlf, bundleFromCrlf, settings);
        Map<String, byte[]> za = zipped(bundle);
        Map<String, byte[]> zb = zipped(bundleFromCrlf);
        za.remove("autograder.properties");   // its first line is the time it was written
        zb.remove("autograder.properties");
        checks.that("the CRLF copy builds the same Gradescope bundle, byte for byte", sameFiles(za, zb),
                differences(za, zb));
        List<String> scripts = za.entrySet().stream().filter(e -> e.getKey().endsWith(".sh")
                || e.getKey().equals("run_autograder") || e.getKey().endsWith("mvnw") || e.getKey().endsWith("instructor/tool"))
                .filter(e -> new String(e.getValue(), StandardCharsets.ISO_8859_1).contains("\r")).map(Map.Entry::getKey).toList();
        checks.that("the bundle's scripts have LF line ends", scripts.isEmpty(), scripts.toString());
        List<String> unread = za.keySet().stream().filter(n -> n.startsWith("kit/bench/") || n.startsWith("kit/.github/")
                || n.startsWith("kit/solutions/")
                || n.startsWith("kit/.ci/") || n.startsWith("kit/src/site/markdown/figures/")).toList();
        checks.that("the bundle carries no files grading never reads (solutions/, bench/, .github/, .ci/, the book's figures)",
                unread.isEmpty(), unread.toString());
        return handout;
    }

    private void grades(Path handout) throws IOException, InterruptedException {
        Path library = handout.resolve(Kit.LIBRARY);
        Path stubs = tmp.resolve("stubs");
        Kit.copy(library, stubs);
        Path reference = kit.resolve("solutions/src/main/java");

        Run run = maven(handout, "stubs", "-Dgrader.expect=nothing-started");
        checks.that("handout, untouched stubs: 0 with every test not started", run.exit() == 0
                && run.total("score") == 0 && run.total("graded") > 0 && run.total("graded") == run.total("not_started"),
                run.tail());
        checks.that("handout, untouched stubs: lessons 3 to 8 are listed as not assigned",
                run.table().matches("(?s).*3 Convolution +not assigned.*8 REINFORCE +not assigned.*"), run.table());

        replaceLibrary(library, reference);
        run = maven(handout, "reference", "-Dgrader.assigned=all");
        checks.that("handout, the reference's regions pasted in: full marks on all eight lessons", run.exit() == 0
                && run.total("score") == run.total("max_score") && run.total("max_score") > 300, run.tail());

        replaceLibrary(library, stubs);
        for (String lesson : List.of("lesson1", "lesson2")) {
            Kit.delete(library.resolve("kit").resolve(lesson));
            Kit.copy(reference.resolve("kit").resolve(lesson), library.resolve("kit").resolve(lesson));
        }
        run = maven(handout, "assigned-done");
        checks.that("handout, lessons 1 and 2 done, the rest untouched: exit 0, since only 1 and 2 are assigned",
                run.exit() == 0 && run.total("score") == run.total("max_score") && run.table().contains("not assigned"),
                run.tail());

        replaceLibrary(library, reference);
        Path linear = library.resolve(LINEAR);
        List<String> lines = new ArrayList<>(Files.readAllLines(linear, StandardCharsets.UTF_8));
        int region = firstLine(lines, "// BEGIN SOLUTION");
        lines.add(region + 1, "        int broken = \"not a number\";");
        Files.write(linear, lines, StandardCharsets.UTF_8);
        String brokenAt = LINEAR + ":" + (region + 2);
        run = maven(handout, "one-method-does-not-compile", "-Dlesson=1");
        checks.that("handout, one method does not compile: it is not started, with the compiler's line ("
                + brokenAt + "), and the rest graded", run.total("not_started") > 0 && run.total("passed") > 0
                && run.table().contains("does not compile") && run.table().contains(brokenAt), run.tail());

        replaceLibrary(library, reference);
        lines = new ArrayList<>(Files.readAllLines(linear, StandardCharsets.UTF_8));
        int given = givenLine(lines);
        lines.set(given, lines.get(given) + " int extra = 0;");
        Files.write(linear, lines, StandardCharsets.UTF_8);
        run = maven(handout, "given-line-changed", "-Dlesson=1");
        checks.that("handout, one given line changed: refused, naming " + LINEAR + " and line " + (given + 1),
                run.exit() != 0 && run.total("score") == 0 && run.table().contains("REFUSED")
                && run.table().contains("Linear.java") && run.table().contains(String.valueOf(given + 1)), run.tail());
        replaceLibrary(library, stubs);
    }

    /** One grading in the handout: exit code, totals, table and log. */
    record Run(int exit, Properties totals, String table, String log) {
        int total(String key) {
            return Integer.parseInt(totals.getProperty(key, "-1"));
        }

        String tail() {
            List<String> l = log.lines().toList();
            return "exit " + exit + "\n" + String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
        }
    }

    private Run maven(Path handout, String name, String... args) throws IOException, InterruptedException {
        Path reports = tmp.resolve("reports-" + name);
        List<String> command = new ArrayList<>(List.of("sh", "mvnw", "-o", "-B", "-ntp", "test",
                "-Dgrader.reports=" + reports));
        if (mavenRepo != null && !mavenRepo.isBlank()) {
            command.add("-Dmaven.repo.local=" + mavenRepo);
        }
        command.addAll(List.of(args));
        Path log = tmp.resolve(name + ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(handout.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        System.out.printf("handout grading '%s' (%s): %.0f s%n", name, String.join(" ", args),
                (System.nanoTime() - start) / 1e9);
        String table = Files.exists(reports.resolve("table.txt"))
                ? Files.readString(reports.resolve("table.txt"), StandardCharsets.UTF_8) : "";
        return new Run(p.exitValue(), Kit.properties(reports.resolve("verdict.properties")), table,
                Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    private static void replaceLibrary(Path library, Path from) throws IOException {
        Kit.delete(library.resolve("kit"));
        Kit.copy(from.resolve("kit"), library.resolve("kit"));
    }

    private static int firstLine(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(start)) {
                return i;
            }
        }
        throw new IllegalStateException(LINEAR + " has no line starting with " + start);
    }

    /** A line of given code with a statement: the first line after the first region ends. */
    private static int givenLine(List<String> lines) {
        int end = firstLine(lines, "// END SOLUTION");
        for (int i = end + 1; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.endsWith(";") && !s.startsWith("//") && !s.startsWith("*") && !s.startsWith("import")) {
                return i;
            }
        }
        throw new IllegalStateException(LINEAR + " has no given statement after its first region");
    }

    private static boolean isText(Path f, byte[] content) {
        for (byte c : content) {
            if (c == 0) {
                return false;
            }
        }
        return !f.toString().matches(".*\\.(png|jpe?g|gif|ico|jar|zip|gz|class|pdf)");
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static Map<String, byte[]> zipped(Path zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            files.putAll(files(fs.getPath("/")));
        }
        return files;
    }

    private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
    }

    private static String differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        List<String> d = new ArrayList<>();
        for (String k : a.keySet()) {
            if (!b.containsKey(k)) {
                d.add("only from the LF tree: " + k);
            } else if (!java.util.Arrays.equals(a.get(k), b.get(k))) {
                d.add("differs: " + k);
            }
        }
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> d.add("only from the CRLF tree: " + k));
        return String.join("\n", d.subList(0, Math.min(20, d.size())));
    }
}
