package kit.grader.tools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Every shell command the README and the book show is run by the kit check, or named here as run
 * elsewhere: a documented command that no longer works fails the check.
 *
 * <p>Commands are read from fenced blocks ({@code sh}, {@code bash}, {@code shell} or unlabelled)
 * and from inline code that starts like a command ({@code ./mvnw}, {@code java}, {@code instructor/}
 * ...) and has an argument, or names a script ({@code .ci/run}). Each is then one of:
 * <ul>
 *   <li><b>a playground command</b> ({@code ./mvnw -q compile -Dplay=X -Dplay.args="..."}): the
 *       playground is compiled against the reference and {@code play.X} runs on it with those
 *       arguments; by default the first documented command of each class runs, with {@code --all}
 *       every one;</li>
 *   <li><b>run as written</b>, in the kit's root, offline: the README's playground command, one
 *       test's rerun command (on the untouched stubs: it must print the score table), the
 *       generator's checks;</li>
 *   <li><b>run elsewhere</b>: this build itself, the instructor tools (run by {@code .ci/run}'s
 *       {@code instructor/test}), the benchmark, the site; each listed below with where.</li>
 * </ul>
 * A command that is none of these fails the check: add it to a list, or run it.
 *
 * <pre>
 *   java -cp grader/target/classes kit.grader.tools.DocumentedCommands ROOT REFERENCE_CLASSES [--all]
 * </pre>
 */
public final class DocumentedCommands {
    private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "");
    private static final Pattern INLINE = Pattern.compile("`((?:\\./mvnw|mvnw\\.cmd|java|instructor/|\\.ci/|bench/)[^`]*)`");
    private static final Pattern PLAY = Pattern.compile(
            "^\\./mvnw -q compile -Dplay=(\\w+)(?: -Dplay\\.args=\"([^\"]*)\")?$");
    private static final Pattern COMMAND_START = Pattern.compile("^(\\./mvnw|mvnw\\.cmd|java|instructor/|\\.ci/|bench/|git |mkdir |cd )");

    /** Run as written, in the root, and what a good run prints (exit codes vary: grading the stubs fails the build). */
    private static final Map<String, String> RUN_AS_WRITTEN = new LinkedHashMap<>();
    /** Commands run elsewhere, by pattern, with where. */
    private static final Map<Pattern, String> ELSEWHERE = new LinkedHashMap<>();

    static {
        RUN_AS_WRITTEN.put("./mvnw -q compile -Dplay=Hello", "a thread says hello");
        RUN_AS_WRITTEN.put("./mvnw test -Dtest='LinearTest$Backward#dW_matches_the_numeric_gradient'", "not started");
        RUN_AS_WRITTEN.put("java grader/src/main/java/kit/grader/tools/GenerateExercises.java --check",
                "are what the generator makes");
        elsewhere("^\\./mvnw test$", "this build: the kit check grades the untouched stubs with it");
        elsewhere("^(\\./mvnw|mvnw\\.cmd) (-o )?(-q )?test( -Dlesson=(\\d|N))?$", "bench/student-loop, lesson by lesson");
        elsewhere("^\\./mvnw test -Dgrader\\.seed=(\\d+|N)$", "instructor/test and instructor/regrade grade on a chosen seed");
        elsewhere("^\\./mvnw test -Dgrader\\.reports=DIR$", "instructor/test: every instructor tool grades this way");
        elsewhere("^\\./mvnw (-o -B -ntp )?verify -Pkit$", "this build is that command (.ci/run runs it on two JDKs)");
        elsewhere("^\\./mvnw verify -Pkit -Dlesson=N -Djacoco\\.skip=true$", "this build, one lesson at a time");
        elsewhere("^\\./mvnw verify -Pkit,book -Djacoco\\.skip=true.*$", "this build draws the figures it copies; "
                + "the figure check fails while the book's set differs from the reference's");
        elsewhere("^\\./mvnw -N site$", "the book's site: rendered by hand (it fetches the site plugin)");
        elsewhere("^java grader/src/main/java/kit/grader/tools/GenerateExercises\\.java$",
                "this build checks that exercises/ is what it writes (--check, run here too)");
        elsewhere("^instructor/.*", ".ci/run's instructor/test builds the bundle, runs it and regrades");
        elsewhere("^\\.ci/run$", "CI runs it on every push");
        elsewhere("^bench/.*", "a benchmark, run by hand; its figures are in the README");
        elsewhere("^(mkdir|cd|git) .*", "the template repository's steps: instructor/test builds the handout");
    }

    private DocumentedCommands() {
    }

    private static void elsewhere(String pattern, String where) {
        ELSEWHERE.put(Pattern.compile(pattern), where);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path reference = Path.of(args[1]).toAbsolutePath().normalize();
        boolean all = List.of(args).contains("--all");
        List<String> problems = new ArrayList<>();
        Map<String, String> commands = commands(root);   // command -> where it is written
        Path playClasses = Files.createTempDirectory("playground");
        boolean compiled = compilePlayground(root, reference, playClasses, problems);
        Set<String> playedClasses = new LinkedHashSet<>();
        int ran = 0;
        int elsewhere = 0;
        for (Map.Entry<String, String> e : commands.entrySet()) {
            String command = e.getKey();
            Matcher play = PLAY.matcher(command);
            String expected = RUN_AS_WRITTEN.get(command);
            if (expected != null) {
                ran++;
                String problem = runAsWritten(root, command, expected);
                if (problem != null) {
                    problems.add(e.getValue() + ": `" + command + "` " + problem);
                }
            } else if (play.matches()) {
                if (compiled && (all || playedClasses.add(play.group(1)))) {
                    ran++;
                    String problem = play(root, reference, playClasses, play.group(1), play.group(2));
                    if (problem != null) {
                        problems.add(e.getValue() + ": `" + command + "` " + problem);
                    }
                } else {
                    elsewhere++;
                }
            } else if (ELSEWHERE.keySet().stream().anyMatch(p -> p.matcher(command).matches())) {
                elsewhere++;
            } else {
                problems.add(e.getValue() + ": `" + command + "` is a documented command the kit check neither runs "
                        + "nor lists as run elsewhere (see kit.grader.tools.DocumentedCommands)");
            }
        }
        deleteTree(playClasses);
        System.out.printf("documented commands: %d found, %d run, %d run elsewhere or as other arguments of a file run here%n",
                commands.size(), ran, elsewhere);
        if (!problems.isEmpty()) {
            System.out.println("DOCUMENTED COMMANDS THAT FAIL:\n- " + String.join("\n- ", problems));
            throw new IllegalStateException(problems.size() + " documented command(s) fail: see above");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Every command in the README and the book's pages, with where it was first written. */
    static Map<String, String> commands(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> book = Files.list(root.resolve("src/site/markdown"))) {
            book.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        Map<String, String> commands = new LinkedHashMap<>();
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
            String where = root.relativize(page).toString().replace('\\', '/');
            StringBuilder prose = new StringBuilder();
            String fence = null;   // the open fence's language, or null outside a fence
            for (String line : text.split("\n")) {
                if (line.startsWith("```")) {
                    fence = fence == null ? line.substring(3).strip() : null;
                } else if (fence == null) {
                    prose.append(line).append('\n');
                } else if (SHELL.contains(fence)) {
                    String command = line.replaceFirst("\\s+#.*$", "").strip();
                    if (COMMAND_START.matcher(command).find()) {
                        commands.putIfAbsent(command, where);
                    }
                }
            }
            Matcher inline = INLINE.matcher(prose);
            while (inline.find()) {
                String command = inline.group(1).strip();
                boolean script = command.matches("(instructor|\\.ci|bench)/[\\w-]+");
                if (command.contains(" ") || script) {
                    commands.putIfAbsent(command, where);
                }
            }
        }
        return commands;
    }

    private static boolean compilePlayground(Path root, Path reference, Path out, List<String> problems) throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("playground/src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-cp", reference.toString(), "-nowarn"));
        arguments.addAll(sources);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        if (status != 0) {
            problems.add("playground/ does not compile against the reference:\n" + errors.toString(StandardCharsets.UTF_8));
            return false;
        }
        return true;
    }

    /** Runs play.{@code name} on the reference; null if it ends well within the time. */
    private static String play(Path root, Path reference, Path classes, String name, String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + reference, "play." + name));
        if (arguments != null && !arguments.isBlank()) {
            command.addAll(List.of(arguments.strip().split("\\s+")));
        }
        return run(command, root, 300, null, "play." + name + (arguments == null ? "" : " " + arguments));
    }

    private static String runAsWritten(Path root, String command, String expected) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (words.get(0).equals("./mvnw")) {
            if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                return null;   // the wrapper script is for bash; CI runs this on Linux
            }
            words.add(1, "-o");
        } else if (words.get(0).equals("java")) {
            words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        return run(words, root, 600, expected, command);
    }

    /** Null if {@code command} ends in time, and exits 0 or (with {@code expected}) prints it; else what went wrong. */
    private static String run(List<String> command, Path directory, int seconds, String expected, String shown)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("command", ".log");
        Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return "did not end within " + seconds + " s";
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.printf("  ran %s (%.1f s)%n", shown, (System.nanoTime() - start) / 1e9);
        boolean good = expected == null ? p.exitValue() == 0 : output.contains(expected);
        if (good) {
            return null;
        }
        String tail = output.length() > 2000 ? output.substring(output.length() - 2000) : output;
        return "failed (exit " + p.exitValue() + (expected == null ? "" : ", without \"" + expected + "\"") + "):\n    "
                + tail.strip().replace("\n", "\n    ");
    }
}
