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
 *   // BEGIN SOLUTION hint: y = W x + b
 *   ... reference code ...
 *   // END SOLUTION
 * </pre>
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
 * {@code --check-submission} accepts a student's exercises/ in which each stub line has been
 * replaced by any code at all, and nothing else has changed: the given code around the stubs
 * (data, training loops, checks) is what the grader trusts.</p>
 * Self-contained on purpose: it needs nothing but this file.
 */
public final class GenerateExercises {
    static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN SOLUTION(?:\\s+hint:\\s*(.*?))?\\s*$");
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
        if (mode.equals("--gate")) {
            int exit = Gate.run(root);
            if (exit != 0) {
                System.exit(exit);   // ends Maven too, with the gate's words as the last on screen
            }
            return;
        }
        List<String> problems = switch (mode) {
            case "--rules" -> Rules.check(root);
            case "--write" -> write(root);
            case "--check" -> check(root);
            case "--check-submission" -> checkSubmission(root);
            default -> List.of("unknown option " + mode + "; use --check, --check-submission, --rules DIR or --gate ROOT");
        };
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems));
            System.exit(1);
        }
        System.out.println(switch (mode) {
            case "--check" -> "exercises/ is what the generator makes from solutions/";
            case "--check-submission" -> "exercises/ changes nothing but the stubs";
            case "--rules" -> "the library keeps the rules";
            default -> "wrote " + root.resolve("exercises").resolve(SOURCES);
        });
    }

    /** Regenerates exercises/, removing generated files whose solution is gone. */
    public static List<String> write(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        Path to = root.resolve("exercises").resolve(SOURCES);
        List<String> problems = new ArrayList<>();
        for (Path stale : javaFiles(to)) {
            if (!Files.exists(from.resolve(to.relativize(stale)))) {
                Files.delete(stale);
            }
        }
        for (Path source : javaFiles(from)) {
            Path relative = from.relativize(source);
            try {
                String generated = generate(relative, Files.readString(source, StandardCharsets.UTF_8));
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
                    String expected = generate(relative, Files.readString(source, StandardCharsets.UTF_8));
                    if (!expected.equals(Files.readString(target, StandardCharsets.UTF_8))) {
                        problems.add("exercises/" + SOURCES + "/" + relative + " is not what the generator makes");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.add("Regenerate with: java grader/src/main/java/kit/grader/tools/GenerateExercises.java");
        }
        return problems;
    }

    /**
     * What a submission changed that grading cannot accept: a file whose given code does not
     * line up with the generated one, or code in a stub's place that is not self-contained.
     * Added, missing and non-compiling code is not listed here: grading forgives it (see {@link Gate}).
     */
    public static List<String> checkSubmission(Path root) throws IOException {
        return Gate.rebuild(root.resolve("solutions").resolve(SOURCES), root.resolve("exercises").resolve(SOURCES))
                .refusals();
    }

    /**
     * Null if {@code submitted} is {@code generated} with each stub line replaced by any lines;
     * else the first given line that is not where it should be. Whitespace and blank lines are
     * ignored, so reformatting in an IDE is not a change.
     */
    public static String firstChangeOutsideStubs(String generated, String submitted) {
        try {
            Gate.regions(generated, submitted);
            return null;
        } catch (Gate.Misaligned e) {
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

    /** The exercise version of one solution file. */
    public static String generate(Path relative, String solution) {
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
            String hint = begin.group(2) == null ? "" : begin.group(2);
            out.append(begin.group(1)).append("throw new kit.core.NotImplementedYet(").append(lesson).append(", ")
                    .append(quote(method)).append(", ").append(quote(hint)).append(");\n");
            i = end;
        }
        return out.toString();
    }

    private static String enclosingMethod(String[] lines, int begin, String file) {
        for (int j = begin - 1; j >= 0; j--) {
            Matcher m = METHOD.matcher(lines[j]);
            if (m.find() && !List.of("if", "for", "while", "switch", "catch", "return", "new").contains(m.group(1))) {
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

    private static List<Path> javaFiles(Path dir) {
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
     * The first step of every grading run, before any student code could run: it rebuilds the
     * library from the given code and the student's code in the stubs' places, compiles it and
     * holds the compiled classes to the {@link Rules}. It never loads a compiled class.
     *
     * <ul>
     *   <li>With {@code solutions/} present (the kit, or an instructor's pristine copy), each library
     *   file is rebuilt: the generated file with each stub line replaced by what the student wrote
     *   there. Given code outside the stubs is never taken from the submission, so changing it has no
     *   effect. A region must be self-contained (braces balanced and never closing the method, no
     *   comment, string or character left open, no {@code \\u} escapes). A file whose given lines do
     *   not line up, or a region that is not self-contained, refuses the grade. A missing file is
     *   graded with its stubs, an added file is ignored, and a region that does not compile is graded
     *   as not started; each with a note.</li>
     *   <li>Without {@code solutions/} (a student's copy that ships without the reference), the
     *   student's files are compiled as written: the rules still hold, but given code is not checked
     *   and a compile error stops the build.</li>
     * </ul>
     * A refused grade compiles the untouched stubs instead, so no submitted code runs at all.
     */
    static final class Gate {
        static final String GATE_FILE = "gate.properties";
        private static final Pattern STUB_METHOD = Pattern.compile("NotImplementedYet\\(\\d+, \"([^\"]*)\"");

        private Gate() {
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
            /** The source with the regions in {@code use} (by index) filled in and the others left as stubs. */
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

        private static List<Region> stubsOf(String generated) {
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

        /** Runs the gate for the kit at {@code root}; returns its exit code. */
        static int run(Path root) throws IOException {
            Path solutions = root.resolve("solutions").resolve(SOURCES);
            Path submitted = root.resolve("exercises").resolve(SOURCES);
            Path target = root.resolve("exercises").resolve("target");
            Path classes = target.resolve("library");   // the exercises module's output directory
            Path gateDir = target.resolve("grader-gate");
            Files.createDirectories(gateDir);
            boolean rebuild = Files.isDirectory(solutions);
            Submission submission;
            if (rebuild) {
                submission = rebuild(solutions, submitted);
            } else {
                List<Rebuilt> asWritten = new ArrayList<>();
                for (Path file : javaFiles(submitted)) {
                    asWritten.add(new Rebuilt(submitted.relativize(file), Files.readString(file, StandardCharsets.UTF_8), List.of()));
                }
                submission = new Submission(asWritten, List.of(), List.of());
            }
            String fingerprint = fingerprint(root, submission);
            Path gateFile = gateDir.resolve(GATE_FILE);
            Properties previous = load(gateFile);
            if (fingerprint.equals(previous.getProperty("fingerprint")) && hasClasses(classes)) {
                return report(previous, false);
            }
            Properties result = new Properties();
            result.setProperty("fingerprint", fingerprint);
            result.setProperty("mode", rebuild ? "rebuilt" : "as-written");
            List<String> notes = new ArrayList<>(submission.notes());
            List<String> refusals = new ArrayList<>(submission.refusals());
            if (refusals.isEmpty()) {
                Compiled compiled = compileForgiving(submission, classes, rebuild);
                notes.addAll(compiled.notes());
                if (!compiled.ok()) {
                    result.setProperty("status", "broken");
                    result.setProperty("reason", String.join("\n", compiled.errors()));
                    store(gateFile, result);
                    return report(result, true);
                }
                refusals.addAll(Rules.check(classes));
            }
            if (!refusals.isEmpty() && rebuild) {
                // Nothing submitted may run: compile the untouched stubs so the tests can still be listed.
                Submission stubs = new Submission(submission.files().stream()
                        .map(f -> new Rebuilt(f.relative(), f.generated(), stubsOf(f.generated()))).toList(), List.of(), List.of());
                compileForgiving(stubs, classes, true);
            }
            result.setProperty("status", refusals.isEmpty() ? "graded" : "refused");
            result.setProperty("reason", String.join("\n", refusals));
            result.setProperty("notes", String.join("\n", notes));
            store(gateFile, result);
            return report(result, true);
        }

        private static int report(Properties gate, boolean fresh) {
            String status = gate.getProperty("status", "broken");
            if (fresh && !gate.getProperty("notes", "").isEmpty()) {
                for (String note : gate.getProperty("notes").split("\n")) {
                    System.out.println("grader: note: " + note);
                }
            }
            if (status.equals("refused")) {
                System.out.println("grader: the submission breaks a rule, so none of it runs and the grade is 0:");
                System.out.println("    " + gate.getProperty("reason").replace("\n", "\n    "));
            } else if (status.equals("broken")) {
                System.out.println("grader: the library does not compile:");
                System.out.println("    " + gate.getProperty("reason").replace("\n", "\n    "));
                return 1;
            }
            return 0;
        }

        record Compiled(boolean ok, List<String> notes, List<String> errors) {
        }

        /**
         * Compiles the submission into {@code classes}. A region that does not compile is put back to
         * its stub (graded "not started") with a note, and the rest compiled again.
         */
        static Compiled compileForgiving(Submission submission, Path classes, boolean rebuilt) throws IOException {
            Map<Path, Set<Integer>> stubbed = new java.util.HashMap<>();
            List<String> notes = new ArrayList<>();
            for (int attempt = 0; ; attempt++) {
                Map<Path, Map<Integer, Integer>> starts = new java.util.HashMap<>();
                Map<Path, String> sources = new java.util.LinkedHashMap<>();
                for (Rebuilt f : submission.files()) {
                    Map<Integer, Integer> s = new java.util.HashMap<>();
                    sources.put(f.relative(), rebuilt ? f.source(stubbed.getOrDefault(f.relative(), Set.of()), s) : f.generated());
                    starts.put(f.relative(), s);
                }
                List<javax.tools.Diagnostic<? extends javax.tools.JavaFileObject>> errors = javac(sources, classes);
                if (errors.isEmpty()) {
                    return new Compiled(true, notes, List.of());
                }
                boolean blamed = false;
                List<String> unblamed = new ArrayList<>();
                for (var d : errors) {
                    Path file = Path.of(d.getSource().toUri().getPath().substring(1));
                    String text = d.getMessage(java.util.Locale.ROOT).lines().findFirst().orElse("");
                    Rebuilt f = submission.files().stream().filter(r -> r.relative().equals(file)).findFirst().orElse(null);
                    String shown = "exercises/src/main/java/" + file.toString().replace('\\', '/');
                    if (!rebuilt || f == null || f.regions().isEmpty() || attempt > 3) {
                        unblamed.add(shown + ":" + d.getLineNumber() + ": " + text);
                        continue;
                    }
                    Set<Integer> mine = stubbed.computeIfAbsent(file, x -> new java.util.TreeSet<>());
                    int region = regionAt(f, starts.get(file), (int) d.getLineNumber());
                    List<Integer> toStub = region >= 0 ? List.of(region)
                            : java.util.stream.IntStream.range(0, f.regions().size()).boxed().toList();
                    for (int k : toStub) {
                        if (mine.add(k)) {
                            blamed = true;
                            Region r = f.regions().get(k);
                            int line = region >= 0 ? r.studentLine() + (int) d.getLineNumber() - starts.get(file).get(k) : (int) d.getLineNumber();
                            notes.add(r.method() + " does not compile, so it is graded as not started: "
                                    + shown + ":" + line + ": " + text);
                        }
                    }
                }
                if (!blamed) {
                    return new Compiled(false, notes, unblamed.isEmpty() ? List.of("javac failed") : unblamed);
                }
            }
        }

        private static int regionAt(Rebuilt f, Map<Integer, Integer> starts, int line) {
            for (int k = 0; k < f.regions().size(); k++) {
                Integer start = starts.get(k);
                int length = (int) f.regions().get(k).text().chars().filter(c -> c == '\n').count() + 1;
                if (start != null && line >= start && line < start + length) {
                    return k;
                }
            }
            return -1;
        }

        /** Compiles {@code sources} (relative path to text) into a clean {@code classes}; returns the errors. */
        private static List<javax.tools.Diagnostic<? extends javax.tools.JavaFileObject>> javac(Map<Path, String> sources,
                Path classes) throws IOException {
            clean(classes);
            Files.createDirectories(classes);
            javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                throw new IllegalStateException("the grader needs a JDK (javac), not a JRE");
            }
            var diagnostics = new javax.tools.DiagnosticCollector<javax.tools.JavaFileObject>();
            try (var files = compiler.getStandardFileManager(diagnostics, java.util.Locale.ROOT, StandardCharsets.UTF_8)) {
                files.setLocationFromPaths(javax.tools.StandardLocation.CLASS_OUTPUT, List.of(classes));
                List<javax.tools.JavaFileObject> units = new ArrayList<>();
                for (Map.Entry<Path, String> e : sources.entrySet()) {
                    String uri = "string:///" + e.getKey().toString().replace('\\', '/');
                    units.add(new javax.tools.SimpleJavaFileObject(java.net.URI.create(uri), javax.tools.JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return e.getValue();
                        }
                    });
                }
                boolean ok = compiler.getTask(null, files, diagnostics,
                        List.of("--release", "17", "-proc:none", "-nowarn", "-Xlint:none", "-g"), null, units).call();
                var errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR && d.getSource() != null).toList();
                if (!ok && errors.isEmpty()) {
                    throw new IllegalStateException("javac failed without naming an error: " + diagnostics.getDiagnostics());
                }
                if (!ok) {
                    clean(classes);
                }
                return ok ? List.of() : new ArrayList<>(errors);
            }
        }

        private static void clean(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }

        private static boolean hasClasses(Path classes) throws IOException {
            if (!Files.isDirectory(classes)) {
                return false;
            }
            try (Stream<Path> all = Files.walk(classes)) {
                return all.anyMatch(p -> p.toString().endsWith(".class"));
            }
        }

        private static String fingerprint(Path root, Submission submission) throws IOException {
            try {
                var sha = java.security.MessageDigest.getInstance("SHA-256");
                Path self = root.resolve("grader/src/main/java/kit/grader/tools/GenerateExercises.java");
                if (Files.exists(self)) {
                    sha.update(Files.readAllBytes(self));
                }
                for (Rebuilt f : submission.files()) {
                    sha.update(f.relative().toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(f.generated().getBytes(StandardCharsets.UTF_8));
                    for (Region r : f.regions()) {
                        sha.update(r.text().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                    }
                }
                sha.update(String.join("\n", submission.notes()).getBytes(StandardCharsets.UTF_8));
                sha.update(String.join("\n", submission.refusals()).getBytes(StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Properties load(Path file) throws IOException {
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
            }
            return p;
        }

        private static void store(Path file, Properties p) throws IOException {
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "what the grader's first step found; the report step reads it");
            }
        }
    }

    /**
     * The library's rules, read from its class files (never loaded): the library may use the
     * kit's own packages, a lesson only the core and earlier lessons, and from the JDK only what
     * {@link #ALLOWED} names: arithmetic, arrays, collections, records, exceptions, strings,
     * {@code RandomGenerator} and {@code Random}, functional interfaces and printing to
     * {@code System.out}. Everything else is refused with its name, whether called, constructed,
     * read, extended, named in a signature, taken as a method reference or as a class literal.
     */
    static final class Rules {
        private static final String ALL = "*";
        /** Owner (internal name, or a prefix ending in '/') to the members the library may use. */
        static final Map<String, Set<String>> ALLOWED = new java.util.HashMap<>();
        /** Member names never allowed, whatever the owner: they start threads. */
        private static final Set<String> NEVER = Set.of("parallel", "parallelStream", "parallelSort",
                "parallelPrefix", "parallelSetAll");

        static {
            for (String all : List.of("java/lang/Math", "java/lang/StrictMath", "java/lang/String",
                    "java/lang/StringBuilder", "java/lang/CharSequence", "java/lang/Character", "java/lang/Integer",
                    "java/lang/Long", "java/lang/Double", "java/lang/Float", "java/lang/Boolean", "java/lang/Short",
                    "java/lang/Byte", "java/lang/Number", "java/lang/Iterable", "java/lang/Comparable",
                    "java/lang/Record", "java/lang/Enum", "java/util/Arrays", "java/util/List", "java/util/ArrayList",
                    "java/util/LinkedList", "java/util/Collection", "java/util/Collections", "java/util/Map",
                    "java/util/Map$Entry", "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap",
                    "java/util/Set", "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/IdentityHashMap",
                    "java/util/Iterator", "java/util/ListIterator", "java/util/Deque", "java/util/ArrayDeque",
                    "java/util/Queue", "java/util/PriorityQueue", "java/util/Optional", "java/util/OptionalInt",
                    "java/util/OptionalDouble", "java/util/Objects", "java/util/Comparator", "java/util/StringJoiner",
                    "java/util/random/RandomGenerator", "java/util/Random", "java/util/SplittableRandom",
                    "java/util/function/", "java/util/stream/")) {
                ALLOWED.put(all, Set.of(ALL));
            }
            Set<String> exception = Set.of("<init>", "getMessage", "getLocalizedMessage", "getCause", "toString");
            for (String e : List.of("java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException",
                    "java/lang/Error", "java/lang/AssertionError", "java/lang/IllegalArgumentException",
                    "java/lang/IllegalStateException", "java/lang/ArithmeticException",
                    "java/lang/IndexOutOfBoundsException", "java/lang/ArrayIndexOutOfBoundsException",
                    "java/lang/NullPointerException", "java/lang/UnsupportedOperationException",
                    "java/lang/NegativeArraySizeException", "java/lang/ClassCastException",
                    "java/util/NoSuchElementException", "java/lang/MatchException")) {
                ALLOWED.put(e, exception);
            }
            ALLOWED.put("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString", "getClass"));
            ALLOWED.put("java/lang/System", Set.of("out", "arraycopy"));
            ALLOWED.put("java/io/PrintStream", Set.of("print", "println", "printf", "format", "flush"));
            ALLOWED.put("java/util/Locale", Set.of("ROOT", "US", "ENGLISH"));
            // What javac itself emits for lambdas, string concatenation, records, switches and assert.
            ALLOWED.put("java/lang/invoke/LambdaMetafactory", Set.of("metafactory", "altMetafactory"));
            ALLOWED.put("java/lang/invoke/StringConcatFactory", Set.of("makeConcatWithConstants", "makeConcat"));
            ALLOWED.put("java/lang/runtime/ObjectMethods", Set.of("bootstrap"));
            ALLOWED.put("java/lang/runtime/SwitchBootstraps", Set.of("typeSwitch", "enumSwitch"));
            // A class's name, for messages; nothing that reflects.
            ALLOWED.put("java/lang/Class", Set.of("desiredAssertionStatus", "getSimpleName", "getName"));
        }

        private Rules() {
        }

        /** Every rule the classes under {@code classes} break, one line each (at most 20). */
        static List<String> check(Path classes) throws IOException {
            java.util.Set<String> problems = new java.util.LinkedHashSet<>();
            try (Stream<Path> all = Files.walk(classes)) {
                for (Path file : all.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    try {
                        new ClassFile(Files.readAllBytes(file)).check(problems);
                    } catch (RuntimeException e) {
                        problems.add(classes.relativize(file) + ": not a class file the grader can read (" + e + ")");
                    }
                }
            }
            return problems.stream().limit(20).toList();
        }

        /** "kit/lesson3/Conv2D" -> 3; "kit/core/..." -> 0; anything else -> -1. */
        static int lessonOf(String internalName) {
            if (internalName.startsWith("kit/core/") && internalName.indexOf('/', 9) < 0) {
                return 0;
            }
            Matcher m = Pattern.compile("^kit/lesson(\\d+)/[^/]+$").matcher(internalName);
            return m.matches() ? Integer.parseInt(m.group(1)) : -1;
        }

        static boolean typeAllowed(String type) {
            String t = type.replaceFirst("^\\[+", "");
            if (t.length() == 1) {
                return true;   // a primitive
            }
            if (t.startsWith("L") && t.endsWith(";")) {
                t = t.substring(1, t.length() - 1);
            }
            return lessonOf(t) >= 0 || ALLOWED.containsKey(t) || prefixAllowed(t) != null;
        }

        private static String prefixAllowed(String owner) {
            for (String key : ALLOWED.keySet()) {
                if (key.endsWith("/") && owner.startsWith(key) && owner.indexOf('/', key.length()) < 0) {
                    return key;
                }
            }
            return null;
        }

        static boolean memberAllowed(String owner, String name) {
            if (NEVER.contains(name)) {
                return false;
            }
            if (owner.startsWith("[")) {
                return name.equals("clone") || name.equals("length");
            }
            if (lessonOf(owner) >= 0) {
                return true;
            }
            Set<String> members = ALLOWED.getOrDefault(owner, ALLOWED.get(String.valueOf(prefixAllowed(owner))));
            return members != null && (members.contains(ALL) || members.contains(name));
        }

        static String dotted(String internal) {
            return internal.replace('/', '.').replace('$', '.');
        }

        /** The parts of one class file the rules read: its constant pool, members and bytecode. */
        static final class ClassFile {
            private final java.nio.ByteBuffer in;
            private final Object[] pool;    // Utf8 -> String; others -> int[] {tag, a, b}
            private String self;

            ClassFile(byte[] bytes) {
                in = java.nio.ByteBuffer.wrap(bytes);
                if (in.getInt() != 0xCAFEBABE) {
                    throw new IllegalArgumentException("bad magic");
                }
                in.getInt();
                pool = new Object[in.getShort() & 0xFFFF];
                for (int i = 1; i < pool.length; i++) {
                    int tag = in.get();
                    switch (tag) {
                        case 1 -> {
                            byte[] utf = new byte[in.getShort() & 0xFFFF];
                            in.get(utf);
                            pool[i] = new String(utf, StandardCharsets.UTF_8);
                        }
                        case 3, 4 -> pool[i] = new int[] {tag, in.getInt(), 0};
                        case 5, 6 -> {
                            pool[i] = new int[] {tag, in.getInt(), in.getInt()};
                            i++;
                        }
                        case 7, 8, 16, 19, 20 -> pool[i] = new int[] {tag, in.getShort() & 0xFFFF, 0};
                        case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {tag, in.getShort() & 0xFFFF, in.getShort() & 0xFFFF};
                        case 15 -> pool[i] = new int[] {tag, in.get() & 0xFF, in.getShort() & 0xFFFF};
                        default -> throw new IllegalArgumentException("constant pool tag " + tag);
                    }
                }
            }

            private int[] entry(int i) {
                return (int[]) pool[i];
            }

            private String utf(int i) {
                return (String) pool[i];
            }

            private String className(int classIndex) {
                return utf(entry(classIndex)[1]);
            }

            void check(java.util.Set<String> problems) {
                in.getShort();
                self = className(in.getShort() & 0xFFFF);
                String where = dotted(self);
                int lesson = lessonOf(self);
                if (lesson < 0) {
                    problems.add(where + " is outside the kit's packages: the library may only hold kit.core and kit.lessonN");
                    return;
                }
                int superIndex = in.getShort() & 0xFFFF;
                List<String> supers = new ArrayList<>();
                if (superIndex != 0) {
                    supers.add(className(superIndex));
                }
                int interfaces = in.getShort() & 0xFFFF;
                for (int i = 0; i < interfaces; i++) {
                    supers.add(className(in.getShort() & 0xFFFF));
                }
                for (String s : supers) {
                    type(where, lesson, "L" + s + ";", problems, "extends");
                }
                int[] bootstraps = null;
                List<int[]> codes = new ArrayList<>();   // {method name index, code offset, code length}
                for (int kind = 0; kind < 2; kind++) {
                    int count = in.getShort() & 0xFFFF;
                    for (int m = 0; m < count; m++) {
                        in.getShort();
                        int name = in.getShort() & 0xFFFF;
                        descriptor(where + "." + utf(name), lesson, utf(in.getShort() & 0xFFFF), problems);
                        int attributes = in.getShort() & 0xFFFF;
                        for (int a = 0; a < attributes; a++) {
                            String attribute = utf(in.getShort() & 0xFFFF);
                            int length = in.getInt();
                            int start = in.position();
                            if (kind == 1 && attribute.equals("Code")) {
                                in.position(start + 4);
                                int codeLength = in.getInt();
                                codes.add(new int[] {name, in.position(), codeLength});
                            }
                            in.position(start + length);
                        }
                    }
                }
                List<int[]> bootstrapList = new ArrayList<>();
                int attributes = in.getShort() & 0xFFFF;
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf(in.getShort() & 0xFFFF);
                    int length = in.getInt();
                    int start = in.position();
                    if (attribute.equals("BootstrapMethods")) {
                        int n = in.getShort() & 0xFFFF;
                        for (int b = 0; b < n; b++) {
                            int handle = in.getShort() & 0xFFFF;
                            int args = in.getShort() & 0xFFFF;
                            int[] row = new int[args + 1];
                            row[0] = handle;
                            for (int k = 1; k <= args; k++) {
                                row[k] = in.getShort() & 0xFFFF;
                            }
                            bootstrapList.add(row);
                        }
                    }
                    in.position(start + length);
                }
                for (int[] code : codes) {
                    String method = where + "." + utf(code[0]);
                    for (int ref : references(code[1], code[2])) {
                        constant(method, lesson, ref, bootstrapList, problems, 0);
                    }
                }
            }

            /** The constant-pool indices one method's bytecode refers to; a class literal is flagged negative. */
            private List<Integer> references(int start, int length) {
                List<Integer> refs = new ArrayList<>();
                int pc = 0;
                while (pc < length) {
                    int op = in.get(start + pc) & 0xFF;
                    int u2 = pc + 2 < length + 1 ? ((in.get(start + pc + 1) & 0xFF) << 8) | (in.get(start + pc + 2) & 0xFF) : 0;
                    switch (op) {
                        case 0x12 -> {   // ldc
                            int index = in.get(start + pc + 1) & 0xFF;
                            refs.add(entry(index)[0] == 7 ? -index : index);
                        }
                        case 0x13, 0x14 -> refs.add(entry(u2)[0] == 7 ? -u2 : u2);
                        case 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbd, 0xc0, 0xc1, 0xc5 -> refs.add(u2);
                        default -> {
                        }
                    }
                    pc += length(op, start, pc);
                }
                return refs;
            }

            private int length(int op, int start, int pc) {
                if (op == 0xaa || op == 0xab) {
                    int p = (pc + 4) & ~3;
                    if (op == 0xaa) {
                        int low = in.getInt(start + p + 4);
                        int high = in.getInt(start + p + 8);
                        return p - pc + 12 + 4 * (high - low + 1);
                    }
                    return p - pc + 8 + 8 * in.getInt(start + p + 4);
                }
                if (op == 0xc4) {
                    return (in.get(start + pc + 1) & 0xFF) == 0x84 ? 6 : 4;
                }
                if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9 || op == 0xbc) {
                    return 2;
                }
                if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8)
                        || (op >= 0xb2 && op <= 0xb8) || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1
                        || op == 0xc6 || op == 0xc7) {
                    return 3;
                }
                if (op == 0xc5) {
                    return 4;
                }
                if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
                    return 5;
                }
                return 1;
            }

            private void constant(String where, int lesson, int index, List<int[]> bootstraps,
                    java.util.Set<String> problems, int depth) {
                if (index < 0) {
                    String literal = className(-index);
                    if (!literal.equals(self)) {
                        problems.add(where + " uses a class literal, " + dotted(literal.replaceFirst("^\\[*L", "").replace(";", ""))
                                + ".class: the library may not reflect on classes");
                    }
                    return;
                }
                int[] e = entry(index);
                switch (e[0]) {
                    case 7 -> {
                        String name = className(index);
                        type(where, lesson, name.startsWith("[") ? name : "L" + name + ";", problems, "uses");
                    }
                    case 9, 10, 11 -> {
                        String owner = className(e[1]);
                        int[] nameAndType = entry(e[2]);
                        String name = utf(nameAndType[1]);
                        if (owner.startsWith("kit/")) {
                            type(where, lesson, "L" + owner + ";", problems, "uses");
                        } else if (!memberAllowed(owner, name)) {
                            problems.add(where + " uses " + dotted(owner) + "." + name
                                    + (name.equals("<init>") ? " (a constructor)" : "")
                                    + ": not on the list of what the library may use");
                        } else if (!owner.startsWith("java/lang/invoke/") && !owner.startsWith("java/lang/runtime/")) {
                            return;
                        }
                    }
                    case 15 -> constant(where, lesson, e[2], bootstraps, problems, depth);
                    case 16 -> descriptor(where, lesson, utf(e[1]), problems);
                    case 17, 18 -> {
                        int[] bootstrap = bootstraps.get(e[1]);
                        if (depth < 2) {
                            for (int k = 0; k < bootstrap.length; k++) {
                                constant(where, lesson, bootstrap[k], bootstraps, problems, depth + 1);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }

            private void descriptor(String where, int lesson, String descriptor, java.util.Set<String> problems) {
                Matcher m = Pattern.compile("\\[*(L[^;]+;|[BCDFIJSZV])").matcher(descriptor);
                while (m.find()) {
                    type(where, lesson, m.group(), problems, "names");
                }
            }

            private void type(String where, int lesson, String type, java.util.Set<String> problems, String verb) {
                String t = type.replaceFirst("^\\[+", "");
                if (t.length() == 1) {
                    return;
                }
                String name = t.substring(1, t.length() - 1);
                int other = lessonOf(name);
                if (other > lesson && lesson > 0) {
                    problems.add(where + " uses " + dotted(name) + ": lesson " + lesson
                            + " may build only on the core and earlier lessons");
                } else if (other > 0 && lesson == 0) {
                    problems.add(where + " uses " + dotted(name) + ": the core may not depend on a lesson");
                } else if (!typeAllowed(t)) {
                    problems.add(where + " " + verb + " " + dotted(name) + ": not on the list of what the library may use");
                }
            }
        }
    }
}
