package kit.grader.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import kit.grader.tools.Submissions.Rebuilt;
import kit.grader.tools.Submissions.Region;
import kit.grader.tools.Submissions.Submission;

/**
 * The first step of every grading run, before any student code could run: it rebuilds the
 * library from the given code and the student's code in the stubs' places, compiles it and
 * holds the compiled classes to the {@link Rules}. It never loads a compiled class.
 *
 * <p>The given code is the grader's own copy ({@code grader/given/}, written and checked by
 * {@link GenerateExercises}), never {@code solutions/} and never the submission, so grading is the
 * same in the kit and in a student's copy without the reference. Each library file is rebuilt: the
 * given file with each stub line replaced by what the student wrote in its place ({@link Submissions}).
 * Changing given code has no effect: a file whose given lines do not line up refuses the grade,
 * naming file and line. Each region must be, to javac's own parser, whole statements at the end of
 * its method, with the tree around it the given one ({@link GivenTree}); one that is not refuses the
 * grade. A missing file, or one reached through a symbolic link, is graded with its stubs, an added
 * file is ignored, and a region that does not compile is graded as not started; each with a note.
 * A refused grade compiles the untouched stubs instead, so no submitted code runs at all.
 */
public final class Gate {
    static final String GATE_FILE = "gate.properties";

    private Gate() {
    }

    /** {@code Gate ROOT}: the first step of a grading run for the kit at ROOT. */
    public static void main(String[] args) throws IOException {
        int exit = run(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
        if (exit != 0) {
            System.exit(exit);   // ends Maven too, with the gate's words as the last on screen
        }
    }

    /** What the gate would refuse in the kit at {@code root}, without compiling anything. */
    public static List<String> refusals(Path root) throws IOException {
        Submission submission = Submissions.rebuild(root.resolve(GenerateExercises.GIVEN),
                root.resolve("exercises").resolve(GenerateExercises.SOURCES));
        List<String> refusals = new ArrayList<>(submission.refusals());
        read(submission, new HashMap<>(), new ArrayList<>(), refusals);
        return refusals;
    }

    /** Runs the gate for the kit at {@code root}; returns its exit code. */
    static int run(Path root) throws IOException {
        Path given = root.resolve(GenerateExercises.GIVEN);
        Path submitted = root.resolve("exercises").resolve(GenerateExercises.SOURCES);
        Path target = root.resolve("exercises").resolve("target");
        Path classes = target.resolve("library");   // the exercises module's output directory
        Path gateDir = target.resolve("grader-gate");
        Files.createDirectories(gateDir);
        Path gateFile = gateDir.resolve(GATE_FILE);
        Properties result = new Properties();
        if (!Files.isDirectory(given)) {
            result.setProperty("status", "broken");
            result.setProperty("reason", "the grader's copy of the given code, " + GenerateExercises.GIVEN
                    + "/, is missing; regenerate it with: java grader/src/main/java/kit/grader/tools/GenerateExercises.java");
            store(gateFile, result);
            return report(result, true);
        }
        Submission submission = Submissions.rebuild(given, submitted);
        String fingerprint = fingerprint(root, submission);
        Properties previous = load(gateFile);
        if (fingerprint.equals(previous.getProperty("fingerprint"))
                && digest(classes).equals(previous.getProperty("library"))) {
            return report(previous, false);
        }
        result.setProperty("fingerprint", fingerprint);
        List<String> notes = new ArrayList<>(submission.notes());
        List<String> refusals = new ArrayList<>(submission.refusals());
        Map<Path, Set<Integer>> stubbed = new HashMap<>();
        read(submission, stubbed, notes, refusals);
        if (refusals.isEmpty()) {
            Compiled compiled = compileForgiving(submission, classes, stubbed);
            notes.addAll(compiled.notes());
            if (!compiled.ok()) {
                result.setProperty("status", "broken");
                result.setProperty("reason", String.join("\n", compiled.errors()));
                store(gateFile, result);
                return report(result, true);
            }
            refusals.addAll(GivenTree.checkWhole(submission.files(), stubbed));
            if (refusals.isEmpty()) {
                refusals.addAll(Rules.check(classes));
            }
        }
        if (!refusals.isEmpty()) {
            // Nothing submitted may run: compile the untouched stubs so the tests can still be listed.
            Submission stubs = new Submission(submission.files().stream()
                    .map(f -> new Rebuilt(f.relative(), f.generated(), Submissions.stubsOf(f.generated()))).toList(),
                    List.of(), List.of());
            compileForgiving(stubs, classes, new HashMap<>());
        }
        result.setProperty("library", digest(classes));   // anything added to it later is no cache hit
        result.setProperty("status", refusals.isEmpty() ? "graded" : "refused");
        result.setProperty("reason", String.join("\n", refusals));
        result.setProperty("notes", String.join("\n", notes));
        store(gateFile, result);
        return report(result, true);
    }

    /** The methods a student writes in the kit at {@code root} ("Linear.affine"), from the given code's stubs. */
    public static Set<String> studentMethods(Path root) throws IOException {
        Set<String> methods = new java.util.TreeSet<>();
        Submissions.rebuild(root.resolve(GenerateExercises.GIVEN), root.resolve("exercises").resolve(GenerateExercises.SOURCES))
                .files().forEach(f -> Submissions.stubsOf(f.generated()).forEach(r -> methods.add(r.method())));
        return methods;
    }

    /**
     * Compiles the library of the kit at {@code root} into {@code classes} again as the gate did, but
     * with {@code methods} put back to their stubs, as if they did not compile (a method found still
     * running when a test ran out of time is graded so from then on). False if the result does not
     * compile or is refused.
     */
    public static boolean compileWithStubs(Path root, Set<String> methods, Path classes) throws IOException {
        Submission submission = Submissions.rebuild(root.resolve(GenerateExercises.GIVEN),
                root.resolve("exercises").resolve(GenerateExercises.SOURCES));
        List<String> refusals = new ArrayList<>(submission.refusals());
        Map<Path, Set<Integer>> stubbed = new HashMap<>();
        read(submission, stubbed, new ArrayList<>(), refusals);
        for (Rebuilt f : submission.files()) {
            for (int k = 0; k < f.regions().size(); k++) {
                if (methods.contains(f.regions().get(k).method())) {
                    stubbed.computeIfAbsent(f.relative(), x -> new java.util.TreeSet<>()).add(k);
                }
            }
        }
        return refusals.isEmpty() && compileForgiving(submission, classes, stubbed).ok() && Rules.check(classes).isEmpty();
    }

    /**
     * Reads every region with javac's parser ({@link GivenTree}): one that does not parse is put
     * back to its stub in {@code stubbed} with a note; one that changes the given tree is refused.
     */
    private static void read(Submission submission, Map<Path, Set<Integer>> stubbed, List<String> notes,
            List<String> refusals) {
        for (GivenTree.Finding finding : GivenTree.check(submission.files())) {
            if (finding.parses()) {
                refusals.add(finding.message());
            } else {
                stubbed.computeIfAbsent(finding.file().relative(), x -> new java.util.TreeSet<>()).add(finding.region());
                notes.add(finding.file().regions().get(finding.region()).method()
                        + " does not compile, so it is graded as not started: " + finding.message());
            }
        }
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
     * Compiles the submission into {@code classes}, with the regions in {@code stubbed} (by file)
     * kept as stubs. A region that does not compile is put back to its stub (graded "not started")
     * and added to {@code stubbed}, with a note, and the rest compiled again.
     */
    static Compiled compileForgiving(Submission submission, Path classes, Map<Path, Set<Integer>> stubbed)
            throws IOException {
        List<String> notes = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            Map<Path, Map<Integer, Integer>> starts = new HashMap<>();
            Map<Path, String> sources = new java.util.LinkedHashMap<>();
            for (Rebuilt f : submission.files()) {
                Map<Integer, Integer> s = new HashMap<>();
                sources.put(f.relative(), f.source(stubbed.getOrDefault(f.relative(), Set.of()), s));
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
                if (f == null || f.regions().isEmpty() || attempt > 3) {
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

    /** The region whose lines (or the closing brace right after them) hold {@code line}; -1 if none. */
    private static int regionAt(Rebuilt f, Map<Integer, Integer> starts, int line) {
        for (int k = 0; k < f.regions().size(); k++) {
            Integer start = starts.get(k);
            int length = (int) f.regions().get(k).text().chars().filter(c -> c == '\n').count() + 1;
            if (start != null && line >= start && line <= start + length) {
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

    /** A digest of every file in {@code classes} (names and bytes), or "" if there is none. */
    private static String digest(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return "";
        }
        try (Stream<Path> all = Files.walk(classes)) {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path p : all.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                sha.update(classes.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(p) : new byte[] {1});
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(Path root, Submission submission) throws IOException {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String tool : List.of("GenerateExercises", "Gate", "Rules", "Submissions", "GivenTree")) {
                Path self = root.resolve("grader/src/main/java/kit/grader/tools/" + tool + ".java");
                if (Files.exists(self)) {
                    sha.update(Files.readAllBytes(self));
                }
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
