package kit.grader.tools;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import kit.grader.tools.Submissions.Rebuilt;
import kit.grader.tools.Submissions.Region;
import kit.grader.tools.Submissions.Submission;

/**
 * Compiles a rebuilt library with javac, forgiving: a region that does not compile is put back to
 * its stub (its method is graded "not started", with a note naming the student's file and line)
 * and the rest compiled again.
 *
 * <p>After a small edit it compiles only the files whose text changed ({@link LastCompile} says what
 * the library folder holds and which class files each source left there). That is sound because a
 * region holds only statements inside its method ({@link GivenTree}): no edit can change what another
 * file compiles against. Anything unexpected (a changed grader, a library folder not as the last
 * compile left it) compiles everything.
 */
final class LibraryCompiler {
    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-nowarn", "-Xlint:none", "-g");

    private LibraryCompiler() {
    }

    /** The outcome: whether the library compiled, the notes (methods graded as not started), the errors if not. */
    record Compiled(boolean ok, List<String> notes, List<String> errors) {
    }

    /**
     * Compiles {@code submission} into {@code classes}, with the regions in {@code stubbed} (by file)
     * kept as stubs, adding to {@code stubbed} every region put back because it does not compile.
     * {@code last} is what {@code classes} holds now ({@link LastCompile#none()} compiles everything);
     * it is updated to what {@code classes} holds afterwards.
     */
    static Compiled compile(Submission submission, Path classes, Map<Path, Set<Integer>> stubbed, LastCompile last)
            throws IOException {
        List<String> notes = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            Map<Path, Map<Integer, Integer>> starts = new HashMap<>();
            Map<Path, String> sources = new LinkedHashMap<>();
            for (Rebuilt f : submission.files()) {
                Map<Integer, Integer> s = new HashMap<>();
                sources.put(f.relative(), f.source(stubbed.getOrDefault(f.relative(), Set.of()), s));
                starts.put(f.relative(), s);
            }
            List<Diagnostic<? extends JavaFileObject>> errors = javac(sources, classes, last);
            if (errors.isEmpty()) {
                return new Compiled(true, notes, List.of());
            }
            boolean blamed = false;
            List<String> unblamed = new ArrayList<>();
            for (var d : errors) {
                Path file = Path.of(d.getSource().toUri().getPath().substring(1));
                String text = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                Rebuilt f = submission.files().stream().filter(r -> r.relative().equals(file)).findFirst().orElse(null);
                String shown = "exercises/src/main/java/" + file.toString().replace('\\', '/');
                if (f == null || f.regions().isEmpty() || attempt > 3) {
                    unblamed.add(shown + ":" + d.getLineNumber() + ": " + text);
                    continue;
                }
                Set<Integer> mine = stubbed.computeIfAbsent(file, x -> new TreeSet<>());
                int region = regionAt(f, starts.get(file), (int) d.getLineNumber());
                List<Integer> toStub = region >= 0 ? List.of(region) : IntStream.range(0, f.regions().size()).boxed().toList();
                for (int k : toStub) {
                    if (mine.add(k)) {
                        blamed = true;
                        Region r = f.regions().get(k);
                        int line = region >= 0 ? r.studentLine() + (int) d.getLineNumber() - starts.get(file).get(k)
                                : (int) d.getLineNumber();
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

    /**
     * Brings {@code classes} up to {@code sources} (relative path to text): compiles everything into a
     * clean folder when {@code last} holds nothing, else only the sources whose text is not the one
     * compiled there, against the other files' classes. Returns the errors; after errors the folder
     * holds no class file of this compile, and {@code last} says so.
     */
    private static List<Diagnostic<? extends JavaFileObject>> javac(Map<Path, String> sources, Path classes, LastCompile last)
            throws IOException {
        boolean everything = last.isEmpty();
        Map<Path, String> toCompile = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : sources.entrySet()) {
            if (everything || !last.holds(e.getKey(), e.getValue())) {
                toCompile.put(e.getKey(), e.getValue());
            }
        }
        if (everything) {
            clean(classes);
        } else {
            for (Path source : toCompile.keySet()) {
                last.forget(source, classes);
            }
        }
        Files.createDirectories(classes);
        if (toCompile.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the grader needs a JDK (javac), not a JRE");
        }
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, everything ? List.of() : List.of(classes));
            Outputs files = new Outputs(standard, classes);
            List<JavaFileObject> units = new ArrayList<>();
            for (Map.Entry<Path, String> e : toCompile.entrySet()) {
                units.add(new Source(e.getKey(), e.getValue()));
            }
            boolean ok = compiler.getTask(null, files, diagnostics, OPTIONS, null, units).call();
            var errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null).toList();
            if (!ok && errors.isEmpty()) {
                throw new IllegalStateException("javac failed without naming an error: " + diagnostics.getDiagnostics());
            }
            if (!ok) {
                for (Path written : files.written.values().stream().flatMap(List::stream).toList()) {
                    Files.deleteIfExists(written);
                }
                return new ArrayList<>(errors);
            }
            for (Path source : toCompile.keySet()) {
                last.record(source, toCompile.get(source), files.written.getOrDefault(source, List.of()), classes);
            }
            return List.of();
        }
    }

    /** Empties {@code dir} (keeping it). */
    static void clean(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A library source held in memory, named by its path under {@code src/main/java}. */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(Path relative, String text) {
            super(URI.create("string:///" + relative.toString().replace('\\', '/')), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** The file manager, noting which class files each source was compiled into. */
    private static final class Outputs extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<Path, List<Path>> written = new HashMap<>();   // source (relative) -> its class files
        private final Path classes;

        Outputs(StandardJavaFileManager standard, Path classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) throws IOException {
            JavaFileObject out = super.getJavaFileForOutput(location, className, kind, sibling);
            if (sibling != null && kind == JavaFileObject.Kind.CLASS) {
                Path source = Path.of(sibling.toUri().getPath().substring(1));
                written.computeIfAbsent(source, s -> new ArrayList<>())
                        .add(classes.resolve(className.replace('.', '/') + ".class"));
            }
            return out;
        }
    }
}
