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
import java.util.Set;
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
 * <p>Run from the repository root with the JDK alone:
 * <pre>
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java                      # regenerate
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java --check              # fail if stale
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java --check-submission   # see below
 * </pre>
 * {@code --check-submission} names what grading would refuse in a student's exercises/: a file
 * whose given code does not line up with the generated one, or code in a stub's place that is not
 * self-contained (see {@link Submissions}). Grading itself rebuilds the library from the given code
 * and the student's regions, so given code is never taken from a submission ({@code Gate}).</p>
 * Self-contained on purpose: it needs nothing but this file.
 */
public final class GenerateExercises {
    static final Path SOURCES = Path.of("src", "main", "java");
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
    private static final Pattern STUB = Pattern.compile("^\\s*throw new kit\\.core\\.NotImplementedYet\\(");
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
            case "--check-submission" -> checkSubmission(root);
            default -> List.of("unknown option " + mode + "; use --check or --check-submission");
        };
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems));
            System.exit(1);
        }
        System.out.println(switch (mode) {
            case "--check" -> "exercises/ is what the generator makes from solutions/";
            case "--check-submission" -> "grading would accept exercises/";
            default -> "wrote " + root.resolve("exercises").resolve(SOURCES);
        });
    }

    /** Regenerates exercises/, removing generated files whose solution is gone. */
    public static List<String> write(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        Path to = root.resolve("exercises").resolve(SOURCES);
        HintLevel level = HintLevel.of(root);
        List<String> problems = new ArrayList<>();
        for (Path stale : javaFiles(to)) {
            if (!Files.exists(from.resolve(to.relativize(stale)))) {
                Files.delete(stale);
            }
        }
        for (Path source : javaFiles(from)) {
            Path relative = from.relativize(source);
            try {
                String generated = generate(relative, Files.readString(source, StandardCharsets.UTF_8), level);
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.writeString(target, generated, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** What differs between exercises/ and what the generator would write now. */
    public static List<String> check(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        Path to = root.resolve("exercises").resolve(SOURCES);
        HintLevel level = HintLevel.of(root);
        TreeSet<Path> all = new TreeSet<>();
        javaFiles(from).forEach(p -> all.add(from.relativize(p)));
        javaFiles(to).forEach(p -> all.add(to.relativize(p)));
        List<String> problems = new ArrayList<>();
        for (Path relative : all) {
            Path source = from.resolve(relative);
            Path target = to.resolve(relative);
            if (!Files.exists(source)) {
                problems.add("exercises/ has " + relative + " but solutions/ does not");
            } else if (!Files.exists(target)) {
                problems.add("exercises/ lacks " + relative);
            } else {
                try {
                    String expected = generate(relative, Files.readString(source, StandardCharsets.UTF_8), level);
                    if (!expected.equals(Files.readString(target, StandardCharsets.UTF_8))) {
                        problems.add("exercises/" + SOURCES + "/" + relative + " is not what the generator makes");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.add("Regenerate with: java grader/src/main/java/kit/grader/tools/GenerateExercises.java"
                    + " (hint level " + level.name().toLowerCase(java.util.Locale.ROOT) + ", from " + SETTINGS + ")");
        }
        return problems;
    }

    /**
     * What a submission changed that grading cannot accept: a file whose given code does not
     * line up with the generated one, or code in a stub's place that is not self-contained.
     * Added, missing and non-compiling code is not listed here: grading forgives it (see {@code Gate}).
     */
    public static List<String> checkSubmission(Path root) throws IOException {
        return Submissions.rebuild(root.resolve("solutions").resolve(SOURCES), root.resolve("exercises").resolve(SOURCES))
                .refusals();
    }

    /**
     * Null if {@code submitted} is {@code generated} with each stub line replaced by any lines;
     * else the first given line that is not where it should be. Whitespace and blank lines are
     * ignored, so reformatting in an IDE is not a change.
     */
    public static String firstChangeOutsideStubs(String generated, String submitted) {
        try {
            Submissions.regions(generated, submitted);
            return null;
        } catch (Submissions.Misaligned e) {
            return e.getMessage();
        }
    }

    /** A line with its whitespace removed, so that reformatting is not a change. */
    private static String key(String line) {
        return line.replaceAll("\\s+", "");
    }

    private static int indexOf(List<String> lines, List<String> segment, int from) {
        for (int i = from; i + segment.size() <= lines.size(); i++) {
            if (lines.subList(i, i + segment.size()).equals(segment)) {
                return i;
            }
        }
        return -1;
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

    /**
     * A submission read against the given code: each stub's place found in the student's file (the
     * given lines between stubs are located, whitespace ignored, and whatever lies between them is
     * the student's), each such region checked to be self-contained, and the library rebuilt from
     * the given code and the regions. {@link Gate} compiles the result; {@code --check-submission}
     * reports what it would refuse.
     */
    static final class Submissions {
        private static final Pattern STUB_METHOD = Pattern.compile("NotImplementedYet\\(\\d+, \"([^\"]*)\"");

        private Submissions() {
        }

        /** Given code that does not line up with the generated file. */
        static final class Misaligned extends Exception {
            private static final long serialVersionUID = 1L;

            Misaligned(String message) {
                super(message, null, false, false);
            }
        }

        /** One stub's place in a submitted file: its method, its lines there, and its text. */
        record Region(String method, String stubLine, int studentLine, String text) {
        }

        /** One rebuilt library file. */
        record Rebuilt(Path relative, String generated, List<Region> regions) {
            /**
             * The rebuilt source: each region filled in, except those in {@code stubbed} (by index),
             * which keep their stub; records in {@code rebuiltStarts} the line where each region starts.
             */
            String source(Set<Integer> stubbed, Map<Integer, Integer> rebuiltStarts) {
                StringBuilder out = new StringBuilder();
                int k = 0;
                int line = 1;
                for (String given : generated.split("\n", -1)) {
                    if (STUB.matcher(given).find()) {
                        rebuiltStarts.put(k, line);
                        String text = stubbed.contains(k) ? given : regions.get(k).text();
                        out.append(text).append('\n');
                        line += (int) text.chars().filter(c -> c == '\n').count() + 1;
                        k++;
                    } else {
                        out.append(given).append('\n');
                        line++;
                    }
                }
                return out.substring(0, out.length() - 1);
            }
        }

        /** The whole submission, rebuilt: files, and what grading forgives or refuses. */
        record Submission(List<Rebuilt> files, List<String> notes, List<String> refusals) {
        }

        /** Rebuilds every solution file from its generated form and the submitted regions. */
        static Submission rebuild(Path solutions, Path submitted) throws IOException {
            List<Rebuilt> files = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (Path source : javaFiles(solutions)) {
                Path relative = solutions.relativize(source);
                String generated = generate(relative, Files.readString(source, StandardCharsets.UTF_8));
                Path student = submitted.resolve(relative);
                String shown = "exercises/" + SOURCES.toString().replace('\\', '/') + "/" + relative.toString().replace('\\', '/');
                List<Region> regions;
                if (!Files.exists(student)) {
                    notes.add(shown + " is missing: graded as given, with its stubs not started");
                    regions = stubsOf(generated);
                } else {
                    try {
                        regions = regions(generated, Files.readString(student, StandardCharsets.UTF_8));
                    } catch (Misaligned e) {
                        refusals.add(shown + " changes given code near: " + e.getMessage()
                                + " (write code only where the stubs were)");
                        regions = stubsOf(generated);
                    } catch (java.nio.charset.MalformedInputException e) {
                        refusals.add(shown + " is not UTF-8 text");
                        regions = stubsOf(generated);
                    }
                    for (Region r : regions) {
                        String problem = selfContained(r.text());
                        if (problem != null) {
                            refusals.add(shown + ":" + r.studentLine() + ": your code in " + r.method()
                                    + " must be self-contained, but " + problem);
                        }
                    }
                }
                files.add(new Rebuilt(relative, generated, regions));
            }
            for (Path extra : javaFiles(submitted)) {
                if (!Files.exists(solutions.resolve(submitted.relativize(extra)))) {
                    notes.add("exercises/" + SOURCES.toString().replace('\\', '/') + "/"
                            + submitted.relativize(extra).toString().replace('\\', '/')
                            + " was added and is ignored: only code in the stubs' places is graded "
                            + "(write helpers inside your method, as lambdas or local classes)");
                }
            }
            return new Submission(files, notes, refusals);
        }

        static List<Region> stubsOf(String generated) {
            List<Region> stubs = new ArrayList<>();
            for (String line : generated.split("\n", -1)) {
                if (STUB.matcher(line).find()) {
                    stubs.add(new Region(methodOf(line), line, 0, line));
                }
            }
            return stubs;
        }

        private static String methodOf(String stubLine) {
            Matcher m = STUB_METHOD.matcher(stubLine);
            return m.find() ? m.group(1) : "?";
        }

        /**
         * The submitted text in each stub's place: the given lines between stubs are found in the
         * submission (whitespace and blank lines ignored), and whatever lies between them is the
         * student's. Throws if the given lines are not all there, in order.
         */
        static List<Region> regions(String generated, String submitted) throws Misaligned {
            List<List<String>> segments = new ArrayList<>();  // given lines between stubs, stripped
            List<String> stubLines = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String line : generated.split("\n", -1)) {
                if (STUB.matcher(line).find()) {
                    segments.add(current);
                    stubLines.add(line);
                    current = new ArrayList<>();
                } else if (!line.isBlank()) {
                    current.add(line.strip());
                }
            }
            segments.add(current);
            String[] raw = submitted.replace("\r\n", "\n").split("\n", -1);
            List<Integer> at = new ArrayList<>();    // indices of non-blank submitted lines
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < raw.length; i++) {
                if (!raw[i].isBlank()) {
                    at.add(i);
                    keys.add(key(raw[i]));
                }
            }
            int[] starts = new int[segments.size()];
            int[] ends = new int[segments.size()];
            int from = 0;
            for (int s = 0; s < segments.size(); s++) {
                List<String> segment = segments.get(s).stream().map(GenerateExercises::key).toList();
                boolean first = s == 0;
                boolean last = s == segments.size() - 1;
                int found = first ? 0 : last ? keys.size() - segment.size() : indexOf(keys, segment, from);
                if (found < from) {
                    throw new Misaligned(segment.isEmpty() ? "end of file" : segments.get(s).get(0));
                }
                for (int k = 0; k < segment.size(); k++) {
                    if (found + k >= keys.size() || !keys.get(found + k).equals(segment.get(k))) {
                        throw new Misaligned(segments.get(s).get(k));
                    }
                }
                if (first && last && keys.size() != segment.size()) {
                    throw new Misaligned("end of file");
                }
                starts[s] = found;
                ends[s] = found + segment.size();
                from = ends[s];
            }
            List<Region> regions = new ArrayList<>();
            for (int k = 0; k < stubLines.size(); k++) {
                int firstLine = ends[k] == 0 ? 0 : at.get(ends[k] - 1) + 1;
                int endLine = starts[k + 1] < at.size() ? at.get(starts[k + 1]) : raw.length;
                String text = String.join("\n", java.util.Arrays.asList(raw).subList(firstLine, Math.max(firstLine, endLine)));
                regions.add(new Region(methodOf(stubLines.get(k)), stubLines.get(k), firstLine + 1, text));
            }
            return regions;
        }

        /**
         * Null if {@code code} can stand in a method body on its own: every comment, string, text
         * block and character literal closed, braces, parentheses and brackets balanced and never
         * closing one it did not open, and no unicode escapes (javac reads them before anything else).
         */
        static String selfContained(String code) {
            if (code.contains("\\u")) {
                return "it uses a \\u escape";
            }
            int braces = 0;
            int parens = 0;
            int brackets = 0;
            char state = 'c';   // c code, l line comment, b block comment, s string, t text block, q char
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                char next = i + 1 < code.length() ? code.charAt(i + 1) : 0;
                switch (state) {
                    case 'c' -> {
                        if (c == '/' && next == '/') {
                            state = 'l';
                            i++;
                        } else if (c == '/' && next == '*') {
                            state = 'b';
                            i++;
                        } else if (code.startsWith("\"\"\"", i)) {
                            state = 't';
                            i += 2;
                        } else if (c == '"') {
                            state = 's';
                        } else if (c == '\'') {
                            state = 'q';
                        } else if (c == '{') {
                            braces++;
                        } else if (c == '(') {
                            parens++;
                        } else if (c == '[') {
                            brackets++;
                        } else if ((c == '}' && --braces < 0) || (c == ')' && --parens < 0) || (c == ']' && --brackets < 0)) {
                            return "it closes a '" + c + "' it did not open";
                        }
                    }
                    case 'l' -> state = c == '\n' ? 'c' : 'l';
                    case 'b' -> {
                        if (c == '*' && next == '/') {
                            state = 'c';
                            i++;
                        }
                    }
                    case 't' -> {
                        if (c == '\\') {
                            i++;
                        } else if (code.startsWith("\"\"\"", i)) {
                            state = 'c';
                            i += 2;
                        }
                    }
                    default -> {   // 's' and 'q'
                        if (c == '\\') {
                            i++;
                        } else if (c == '\n') {
                            return "a " + (state == 's' ? "string" : "character literal") + " is left open";
                        } else if ((state == 's' && c == '"') || (state == 'q' && c == '\'')) {
                            state = 'c';
                        }
                    }
                }
            }
            return switch (state) {
                case 'b' -> "a /* comment is left open";
                case 't' -> "a text block is left open";
                case 's' -> "a string is left open";
                case 'q' -> "a character literal is left open";
                default -> braces + parens + brackets == 0 ? null : "it leaves a brace, parenthesis or bracket open";
            };
        }

    }
}
