package kit.grader.tools;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import kit.grader.tools.Submissions.Rebuilt;
import kit.grader.tools.Submissions.Region;

/**
 * The given code as javac reads it: a region the student wrote must be whole statements at the end
 * of its method's body, and everything outside the regions must be, to javac's own parser, the
 * given file's tree. A hand-written scanner cannot promise that (javac ends a line comment at a
 * lone carriage return too, reads unicode escapes before anything else, and so on); the parser can.
 *
 * <p>Each file is parsed as given (every stub in place) and once per region with only that region
 * filled in. Each tree is printed with every region's statements replaced by a marker; the prints
 * must be equal. A region javac cannot parse is a compile error (the method is graded as not
 * started); a region that parses but changes the tree around it (it closes its method and adds a
 * member, opens a comment that swallows given code, ...) refuses the submission.
 */
final class GivenTree {
    private GivenTree() {
    }

    /** What javac made of one region: it does not parse, or it does not stay in its place. */
    record Finding(Rebuilt file, int region, boolean parses, String message) {
    }

    /** One source to parse: a file with the regions not in {@code stubbed} filled in. */
    private record Variant(Rebuilt file, Set<Integer> stubbed, String source, Map<Integer, Integer> starts) {
        static Variant of(Rebuilt file, Set<Integer> stubbed) {
            Map<Integer, Integer> starts = new HashMap<>();
            return new Variant(file, stubbed, file.source(stubbed, starts), starts);
        }

        /** Each region's characters here: the stub line, or the student's text. */
        Map<Integer, int[]> ranges() {
            Map<Integer, int[]> ranges = new TreeMap<>();
            for (int k = 0; k < file.regions().size(); k++) {
                Region r = file.regions().get(k);
                ranges.put(k, range(source, starts.get(k), stubbed.contains(k) ? r.stubLine() : r.text()));
            }
            return ranges;
        }
    }

    /**
     * A finding for every region that does not parse alone, or does not keep the given tree
     * (each file parsed as given and once per region written, with only that region filled in).
     */
    static List<Finding> check(List<Rebuilt> files) {
        List<Variant> variants = new ArrayList<>();
        List<Integer> regionOf = new ArrayList<>();   // per variant: the region filled in, or -1 for the given file
        for (Rebuilt file : files) {
            Set<Integer> all = IntStream.range(0, file.regions().size()).boxed().collect(Collectors.toSet());
            List<Integer> filled = IntStream.range(0, file.regions().size())
                    .filter(k -> !file.regions().get(k).text().equals(file.regions().get(k).stubLine())).boxed().toList();
            if (filled.isEmpty()) {
                continue;
            }
            variants.add(Variant.of(file, all));
            regionOf.add(-1);
            for (int k : filled) {
                Set<Integer> others = new java.util.HashSet<>(all);
                others.remove(k);
                variants.add(Variant.of(file, others));
                regionOf.add(k);
            }
        }
        List<Reading> readings = parse(variants.stream().map(Variant::source).toList());
        List<Finding> findings = new ArrayList<>();
        String given = null;
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            Reading r = readings.get(i);
            int k = regionOf.get(i);
            if (k < 0) {
                given = r.print(v.ranges());
                continue;
            }
            Region region = v.file().regions().get(k);
            int firstLine = v.starts().get(k);
            if (!r.errors().isEmpty()) {
                Diagnostic<? extends JavaFileObject> d = r.errors().get(0);
                int line = region.studentLine() + (int) d.getLineNumber() - firstLine;
                findings.add(new Finding(v.file(), k, false, v.file().shown() + ":" + line + ": "
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
            } else if (!r.print(v.ranges()).equals(given)) {
                findings.add(new Finding(v.file(), k, true, v.file().shown() + ":" + region.studentLine()
                        + ": your code in " + region.method() + " must be whole statements inside its method, but "
                        + r.why(v.ranges().get(k), firstLine, region)));
            }
        }
        return findings;
    }

    /**
     * For each file rebuilt with the regions not in {@code stubbed} filled in that does not read as
     * the given tree, why not: a last look at exactly what is compiled, after each region passed alone.
     */
    static List<String> checkWhole(List<Rebuilt> files, Map<java.nio.file.Path, Set<Integer>> stubbed) {
        List<Variant> variants = new ArrayList<>();
        for (Rebuilt file : files) {
            Set<Integer> all = IntStream.range(0, file.regions().size()).boxed().collect(Collectors.toSet());
            Set<Integer> kept = stubbed.getOrDefault(file.relative(), Set.of());
            if (IntStream.range(0, file.regions().size()).anyMatch(k -> !kept.contains(k)
                    && !file.regions().get(k).text().equals(file.regions().get(k).stubLine()))) {
                variants.add(Variant.of(file, all));
                variants.add(Variant.of(file, kept));
            }
        }
        List<Reading> readings = parse(variants.stream().map(Variant::source).toList());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < variants.size(); i += 2) {
            Reading whole = readings.get(i + 1);
            if (!whole.errors().isEmpty()
                    || !whole.print(variants.get(i + 1).ranges()).equals(readings.get(i).print(variants.get(i).ranges()))) {
                changed.add(variants.get(i).file().shown()
                        + ": your code in its methods, taken together, changes the code around them");
            }
        }
        return changed;
    }

    /** Characters [from, to) of {@code text}, which starts at line {@code line} (from 1) of {@code source}. */
    private static int[] range(String source, int line, String text) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = source.indexOf('\n', at) + 1;
        }
        return new int[] {at, at + text.length()};
    }

    /** One parsed source. */
    private record Reading(CompilationUnitTree unit, SourcePositions positions,
            List<Diagnostic<? extends JavaFileObject>> errors) {

        /** The tree printed by javac, each region's statements replaced by its marker. */
        String print(Map<Integer, int[]> ranges) {
            StringBuilder out = new StringBuilder();
            out.append(unit.getPackage()).append('\n');
            unit.getImports().forEach(i -> out.append(i).append('\n'));
            for (Tree t : unit.getTypeDecls()) {
                out.append(print(t, ranges)).append('\n');
            }
            return out.toString();
        }

        private String print(Tree t, Map<Integer, int[]> ranges) {
            long start = positions.getStartPosition(unit, t);
            long end = positions.getEndPosition(unit, t);
            if (ranges.values().stream().noneMatch(r -> r[0] < end && r[1] > start)) {
                return t.toString();
            }
            if (t instanceof ClassTree c) {
                StringBuilder out = new StringBuilder().append(c.getModifiers()).append(c.getKind()).append(' ')
                        .append(c.getSimpleName()).append(c.getTypeParameters()).append(" extends ")
                        .append(c.getExtendsClause()).append(" implements ").append(c.getImplementsClause())
                        .append(" permits ").append(c.getPermitsClause()).append(" {\n");
                for (Tree member : c.getMembers()) {
                    out.append(print(member, ranges)).append('\n');
                }
                return out.append("}").toString();
            }
            if (t instanceof MethodTree m && m.getBody() != null) {
                return m.getModifiers().toString() + m.getTypeParameters() + m.getReturnType() + " " + m.getName()
                        + m.getParameters() + " throws " + m.getThrows() + " default " + m.getDefaultValue()
                        + print(m.getBody(), ranges);
            }
            if (t instanceof BlockTree b) {
                return printBlock(b, start, end, ranges);
            }
            return "<code that runs into a region at " + start + ">";
        }

        private String printBlock(BlockTree b, long start, long end, Map<Integer, int[]> ranges) {
            TreeMap<Long, String> items = new TreeMap<>();
            for (Map.Entry<Integer, int[]> e : ranges.entrySet()) {
                int[] r = e.getValue();
                if (r[0] > start && r[1] < end) {
                    items.put((long) r[0], "<region " + e.getKey() + ">");
                } else if (r[0] < end && r[1] > start) {
                    items.put((long) r[0], "<a region across the braces of a block at " + start + ">");
                }
            }
            for (StatementTree s : b.getStatements()) {
                long from = positions.getStartPosition(unit, s);
                long to = positions.getEndPosition(unit, s);
                boolean inRegion = ranges.values().stream().anyMatch(r -> r[0] <= from && to <= r[1]);
                if (!inRegion) {
                    items.put(from, print(s, ranges));
                }
            }
            return (b.isStatic() ? "static {\n" : "{\n") + String.join("\n", items.values()) + "\n}";
        }

        /** Why region {@code r} (starting at line {@code firstLine} here) changes the tree, in the student's lines. */
        String why(int[] r, int firstLine, Region region) {
            MethodTree method = null;
            for (Tree t : unit.getTypeDecls()) {
                method = methodAround(t, r[0], method);
            }
            if (method == null || method.getBody() == null) {
                return "javac does not read it as inside a method";
            }
            long close = positions.getEndPosition(unit, method.getBody()) - 1;
            if (close < r[1]) {
                int line = region.studentLine() + (int) unit.getLineMap().getLineNumber(close) - firstLine;
                return "javac reads the brace on line " + line + " as the end of " + method.getName()
                        + (region.text().contains("\\u") ? " (javac reads a unicode escape before anything else)" : "");
            }
            return "javac reads it as changing the given code around it (a comment, string or block left open?)";
        }

        private MethodTree methodAround(Tree t, long at, MethodTree found) {
            if (t instanceof ClassTree c) {
                for (Tree member : c.getMembers()) {
                    found = methodAround(member, at, found);
                }
            } else if (t instanceof MethodTree m && m.getBody() != null
                    && positions.getStartPosition(unit, m.getBody()) < at && at < positions.getEndPosition(unit, m.getBody())) {
                found = m;
            }
            return found;
        }
    }

    /** Parses each source with javac's own parser (nothing is compiled, nothing loaded). */
    private static List<Reading> parse(List<String> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the grader needs a JDK (javac), not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String text = sources.get(i);
            units.add(new SimpleJavaFileObject(URI.create("string:///unit" + i + "/Unit.java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics,
                List.of("--release", "17", "-proc:none"), null, units);
        List<Reading> readings = new ArrayList<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                URI source = unit.getSourceFile().toUri();
                readings.add(new Reading(unit, Trees.instance(task).getSourcePositions(),
                        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR
                                && d.getSource() != null && d.getSource().toUri().equals(source)).toList()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return readings;
    }
}
