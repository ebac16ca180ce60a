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
 *
 * <p>Compiling is {@link LibraryCompiler}'s: after a small edit, only the changed files are read
 * and compiled again ({@link LastCompile}).
 */
public final class Gate {
    static final String GATE_FILE = "gate.properties";
    private static final List<String> TOOLS = List.of("GenerateExercises", "Gate", "Rules", "Members", "Submissions",
            "GivenTree", "LibraryCompiler", "LastCompile");

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
        read(submission, new HashMap<>(), new ArrayList<>(), refusals, LastCompile.none());
        return refusals;
    }

    /** Runs the gate for the kit at {@code root}; returns its exit code. */
    static int run(Path root) throws IOException {
        Path given = root.resolve(GenerateExercises.GIVEN);
        Path submitted = root.resolve("exercises").resolve(GenerateExercises.SOURCES);
        Path target = root.resolve("exercises").resolve("target");
        Path classes = target.resolve("library");   // what the test JVMs run (Maven sees target/library-api, LibraryApi)
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
        String library = digest(classes);
        if (fingerprint.equals(previous.getProperty("fingerprint")) && library.equals(previous.getProperty("library"))) {
            return report(previous, false);
        }
        Path lastFile = gateDir.resolve(LastCompile.FILE);
        String grader = graderDigest(root);
        LastCompile last = LastCompile.load(lastFile, grader, library);
        Files.deleteIfExists(lastFile);   // written again only after a graded compile
        result.setProperty("fingerprint", fingerprint);
        List<String> notes = new ArrayList<>(submission.notes());
        List<String> refusals = new ArrayList<>(submission.refusals());
        Map<Path, Set<Integer>> stubbed = new HashMap<>();
        read(submission, stubbed, notes, refusals, last);
        if (refusals.isEmpty()) {
            LibraryCompiler.Compiled compiled = LibraryCompiler.compile(submission, classes, stubbed, last);
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
            LibraryCompiler.compile(stubs, classes, new HashMap<>(), LastCompile.none());
        }
        library = digest(classes);
        result.setProperty("library", library);   // anything added to it later is no cache hit
        result.setProperty("status", refusals.isEmpty() ? "graded" : "refused");
        if (refusals.isEmpty()) {
            last.store(lastFile, grader, library);
        }
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
        // Start from a copy of the gate's library: only the files holding those methods are compiled again.
        Path target = root.resolve("exercises").resolve("target");
        Path library = target.resolve("library");
        LastCompile last = LastCompile.load(target.resolve("grader-gate").resolve(LastCompile.FILE), graderDigest(root),
                digest(library));
        if (!last.isEmpty()) {
            LibraryApi.copy(library, classes);
        }
        List<String> refusals = new ArrayList<>(submission.refusals());
        Map<Path, Set<Integer>> stubbed = new HashMap<>();
        read(submission, stubbed, new ArrayList<>(), refusals, last);
        for (Rebuilt f : submission.files()) {
            for (int k = 0; k < f.regions().size(); k++) {
                if (methods.contains(f.regions().get(k).method())) {
                    stubbed.computeIfAbsent(f.relative(), x -> new java.util.TreeSet<>()).add(k);
                }
            }
        }
        return refusals.isEmpty() && LibraryCompiler.compile(submission, classes, stubbed, last).ok()
                && Rules.check(classes).isEmpty();
    }

    /**
     * Reads every region with javac's parser ({@link GivenTree}): one that does not parse is put
     * back to its stub in {@code stubbed} with a note; one that changes the given tree is refused.
     * A file {@code last} saw in place, exactly as it is now, is not read again.
     */
    private static void read(Submission submission, Map<Path, Set<Integer>> stubbed, List<String> notes,
            List<String> refusals, LastCompile last) {
        Map<Rebuilt, String> keys = new java.util.LinkedHashMap<>();
        submission.files().forEach(f -> keys.put(f, LastCompile.key(f)));
        List<Rebuilt> unread = submission.files().stream().filter(f -> !last.readBefore(keys.get(f))).toList();
        Set<Rebuilt> found = new java.util.HashSet<>();
        for (GivenTree.Finding finding : GivenTree.check(unread)) {
            found.add(finding.file());
            if (finding.parses()) {
                refusals.add(finding.message());
            } else {
                stubbed.computeIfAbsent(finding.file().relative(), x -> new java.util.TreeSet<>()).add(finding.region());
                notes.add(finding.file().regions().get(finding.region()).method()
                        + " does not compile, so it is graded as not started: " + finding.message());
            }
        }
        last.keepRead(new java.util.HashSet<>(keys.values()));
        unread.stream().filter(f -> !found.contains(f)).forEach(f -> last.read(keys.get(f)));
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

    /** A digest of the gate's own code and the JDK that runs it: what else decides what the gate makes of a file. */
    private static String graderDigest(Path root) throws IOException {
        StringBuilder all = new StringBuilder(Runtime.version().toString());
        for (String tool : TOOLS) {
            Path self = root.resolve("grader/src/main/java/kit/grader/tools/" + tool + ".java");
            all.append('\0').append(Files.exists(self) ? Files.readString(self, StandardCharsets.UTF_8) : "");
        }
        return LastCompile.digest(all.toString());
    }

    private static String fingerprint(Path root, Submission submission) throws IOException {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(graderDigest(root).getBytes(StandardCharsets.UTF_8));
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
