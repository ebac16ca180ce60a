package kit.grader.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code exercises/src/main/java} from {@code solutions/src/main/java}: every solution region
 * becomes a stub that compiles and throws {@code NotImplementedYet} naming the lesson and method,
 * with the region's hint; every other line is copied byte for byte.
 *
 * <pre>
 *   // BEGIN SOLUTION
 *   // task: y = W x + b, a new array of length out, from x (length in)
 *   // book: Layers
 *   // pseudocode: y[o] = b[o] + sum over i of W[o][i] * x[i]
 *   ... reference code ...
 *   // END SOLUTION
 * </pre>
 *
 * The stub's hint is the task (what to compute and its shapes) and the book section that derives
 * it ({@code src/site/markdown/lessonN.md, "Layers"}); at the hint level {@code pseudocode} the
 * pseudocode follows. The level is the course's setting {@code hints} in {@code course.properties}
 * at the kit's root: {@code book}, {@code equation} (the default) or {@code pseudocode}; the
 * first two give the same stubs (the grader shows the key equation of a failing test at
 * {@code equation} and above). {@code // BEGIN SOLUTION hint: ...} is a short form: the hint is
 * shown as it is, at every level.
 *
 * A region must be the tail of a method body (nothing but the method's closing brace after it),
 * so that the stub compiles, and must sit in a lesson package ({@code kit.lessonN}).
 *
 * <p>It writes the same files a second time into {@code grader/given/}: the given code travels with
 * the grader, so that grading rebuilds a student's files from it ({@link Gate}, {@link Submissions})
 * and behaves the same in a student's copy that ships without {@code solutions/}.
 *
 * <p>Run from the repository root with the JDK alone:
 * <pre>
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java                      # regenerate
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java --check              # fail if stale
 * </pre>
 * Self-contained on purpose: it needs nothing but this file.
 */
public final class GenerateExercises {
    static final Path SOURCES = Path.of("src", "main", "java");
    /** The generated files as the grader keeps them, relative to the repository root. */
    static final Path GIVEN = Path.of("grader", "given");
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN SOLUTION(?:\\s+hint:\\s*(.*?))?\\s*$");
    private static final Pattern HEADER = Pattern.compile("^\\s*// (task|book|pseudocode):\\s*(.*?)\\s*$");
    /** The course's settings file at the kit's root, and the setting that picks how much a hint shows. */
    public static final String SETTINGS = "course.properties";
    public static final String HINTS = "hints";

    /** How much a student is shown: the book section; plus the key equation on failure; plus pseudocode. */
    public enum HintLevel {
        BOOK, EQUATION, PSEUDOCODE;

        /** The level set in {@code root/course.properties}, {@code EQUATION} if none is set. */
        public static HintLevel of(Path root) throws IOException {
            Path file = root.resolve(SETTINGS);
            if (!Files.exists(file)) {
                return EQUATION;
            }
            Properties settings = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(in);
            }
            String value = settings.getProperty(HINTS, "equation").strip();
            for (HintLevel level : values()) {
                if (level.name().equalsIgnoreCase(value)) {
                    return level;
                }
            }
            throw new IllegalArgumentException(file + ": " + HINTS + " = " + value
                    + " is not a hint level; use book, equation or pseudocode");
        }
    }
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+kit\\.lesson(\\d+)\\s*;");
    private static final Pattern METHOD = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|static|final|default|synchronized)\\s+)*"
            + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\]?, ]+\\s+(\\w+)\\s*\\([^;]*$");

    private GenerateExercises() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 && args[0].startsWith("--") ? args[0] : "--write";
        int rootArg = mode.equals("--write") ? 0 : 1;
        Path root = Path.of(args.length > rootArg ? args[rootArg] : ".").toAbsolutePath().normalize();
        List<String> problems = switch (mode) {
            case "--write" -> write(root);
            case "--check" -> check(root);
            default -> List.of("unknown option " + mode + "; use --check");
        };
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems));
            System.exit(1);
        }
        System.out.println(switch (mode) {
            case "--check" -> "exercises/ and grader/given/ are what the generator makes from solutions/";
            default -> "wrote " + root.resolve("exercises").resolve(SOURCES);
        });
    }

    /** Where the generated files go: the student's tree, and the grader's copy of the given code. */
    private static List<Path> targets(Path root) {
        return List.of(root.resolve("exercises").resolve(SOURCES), root.resolve(GIVEN));
    }

    /** Regenerates exercises/ and grader/given/, removing generated files whose solution is gone. */
    public static List<String> write(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        HintLevel level = HintLevel.of(root);
        List<String> problems = new ArrayList<>();
        for (Path to : targets(root)) {
            for (Path stale : javaFiles(to)) {
                if (!Files.exists(from.resolve(to.relativize(stale)))) {
                    Files.delete(stale);
                }
            }
        }
        for (Path source : javaFiles(from)) {
            Path relative = from.relativize(source);
            try {
                String generated = generate(relative, Files.readString(source, StandardCharsets.UTF_8), level);
                for (Path to : targets(root)) {
                    Path target = to.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, generated, StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** What differs between exercises/ or grader/given/ and what the generator would write now. */
    public static List<String> check(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        HintLevel level = HintLevel.of(root);
        List<String> problems = new ArrayList<>();
        for (Path to : targets(root)) {
            String shown = root.relativize(to).toString().replace('\\', '/') + "/";
            TreeSet<Path> all = new TreeSet<>();
            javaFiles(from).forEach(p -> all.add(from.relativize(p)));
            javaFiles(to).forEach(p -> all.add(to.relativize(p)));
            for (Path relative : all) {
                Path source = from.resolve(relative);
                Path target = to.resolve(relative);
                String file = relative.toString().replace('\\', '/');
                if (!Files.exists(source)) {
                    problems.add(shown + " has " + file + " but solutions/ does not");
                } else if (!Files.exists(target)) {
                    problems.add(shown + " lacks " + file);
                } else {
                    try {
                        String expected = generate(relative, Files.readString(source, StandardCharsets.UTF_8), level);
                        if (!expected.equals(Files.readString(target, StandardCharsets.UTF_8))) {
                            problems.add(shown + file + " is not what the generator makes");
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.add("Regenerate with: java grader/src/main/java/kit/grader/tools/GenerateExercises.java"
                    + " (hint level " + level.name().toLowerCase(java.util.Locale.ROOT) + ", from " + SETTINGS + ")");
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    }

    /** The folder holding both solutions/ and exercises/, searched upward from {@code start}. */
    public static Optional<Path> findRoot(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("solutions").resolve(SOURCES))
                    && Files.isDirectory(p.resolve("exercises").resolve(SOURCES))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The exercise version of one solution file, at the default hint level. */
    public static String generate(Path relative, String solution) {
        return generate(relative, solution, HintLevel.EQUATION);
    }

    /** The exercise version of one solution file, its stubs' hints at {@code level}. */
    public static String generate(Path relative, String solution, HintLevel level) {
        String file = relative.toString().replace('\\', '/');
        String className = relative.getFileName().toString().replace(".java", "");
        String[] lines = solution.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int lesson = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher pkg = PACKAGE.matcher(lines[i]);
            if (pkg.find()) {
                lesson = Integer.parseInt(pkg.group(1));
            }
            Matcher begin = BEGIN.matcher(lines[i]);
            if (!begin.matches()) {
                if (END.matcher(lines[i]).matches()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": END SOLUTION without BEGIN");
                }
                out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                continue;
            }
            if (lesson < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": solution regions belong in a lesson package (kit.lessonN)");
            }
            String method = className + "." + enclosingMethod(lines, i, file);
            int end = i + 1;
            while (end < lines.length && !END.matcher(lines[end]).matches()) {
                if (BEGIN.matcher(lines[end]).matches()) {
                    throw new IllegalArgumentException(file + ":" + (end + 1) + ": nested BEGIN SOLUTION");
                }
                end++;
            }
            if (end == lines.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": BEGIN SOLUTION without END SOLUTION");
            }
            requireMethodEndsAfter(lines, end, file);
            String hint = hint(begin.group(2), lines, i + 1, end, lesson, level, file);
            out.append(begin.group(1)).append("throw new kit.core.NotImplementedYet(").append(lesson).append(", ")
                    .append(quote(method)).append(", ").append(quote(hint)).append(");\n");
            i = end;
        }
        return out.toString();
    }

    /**
     * The stub's hint: the short form's text, or the header's task and book section (and, at
     * {@code PSEUDOCODE}, its pseudocode), from the comment lines right after BEGIN.
     */
    private static String hint(String shortForm, String[] lines, int from, int end, int lesson, HintLevel level,
            String file) {
        Map<String, String> header = new java.util.HashMap<>();
        for (int k = from; k < end; k++) {
            Matcher m = HEADER.matcher(lines[k]);
            if (!m.matches()) {
                break;
            }
            header.put(m.group(1), m.group(2));
        }
        if (header.isEmpty()) {
            return shortForm == null ? "" : shortForm;
        }
        if (!header.containsKey("task") || !header.containsKey("book")) {
            throw new IllegalArgumentException(file + ":" + from + ": a region's header needs both // task: and // book:");
        }
        String hint = header.get("task") + "; book: src/site/markdown/lesson" + lesson + ".md, \"" + header.get("book") + "\"";
        if (level == HintLevel.PSEUDOCODE && header.containsKey("pseudocode")) {
            hint += "; pseudocode: " + header.get("pseudocode");
        }
        return hint;
    }

    private static String enclosingMethod(String[] lines, int begin, String file) {
        for (int j = begin - 1; j >= 0; j--) {
            Matcher m = METHOD.matcher(lines[j]);
            // a constructor call cut over two lines ("throw new IllegalArgumentException(" ...) is no method
            if (m.find() && !List.of("if", "for", "while", "switch", "catch", "return", "new").contains(m.group(1))
                    && !lines[j].contains("new " + m.group(1))) {
                return m.group(1);
            }
        }
        throw new IllegalArgumentException(file + ":" + (begin + 1) + ": BEGIN SOLUTION outside a method");
    }

    private static void requireMethodEndsAfter(String[] lines, int end, String file) {
        for (int k = end + 1; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("}")) {
                return;
            }
            break;
        }
        throw new IllegalArgumentException(file + ":" + (end + 1)
                + ": a solution region must end its method (only the closing brace may follow END SOLUTION)");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
