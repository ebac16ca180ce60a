package kit.grader.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The second step of a grading run, right after the {@link Gate}: keeps the copy of the library
 * that the grader is compiled against ({@code exercises/target/library-api}, the exercises
 * module's output as Maven sees it) and rewrites it only when the library's API changed, so that
 * an edit inside a method body does not make Maven recompile the unchanged grader ("changed
 * dependency"). The tests themselves run against the freshly gated classes in
 * {@code exercises/target/library}.
 *
 * <p>The API of a class is what another class compiles against: its name, access, supertypes and
 * generic signature, and every member that is not private (access, name, descriptor, generic
 * signature, a constant's value); local and anonymous classes are not part of it. When the gate
 * rebuilt the library from the given code, the API cannot change (signatures are given lines). In
 * a copy without {@code solutions/} (the student's files compiled as written) it can: then this
 * step names each file whose public signatures changed since the last run and what changed, and the
 * grader is compiled again against them, so that a call it makes that no longer fits fails to
 * compile after those lines.
 *
 * <pre>
 *   LibraryApi CLASSES API_COPY STATE_FILE
 * </pre>
 * Reads class files only; never loads them. JDK only, like the gate.
 */
public final class LibraryApi {
    private LibraryApi() {
    }

    public static void main(String[] args) throws IOException {
        List<String> notes = sync(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        for (String note : notes) {
            System.out.println("grader: note: " + note);
        }
    }

    /**
     * Copies {@code classes} to {@code api} unless the API recorded in {@code state} (by the last
     * copy) is the API of {@code classes} and {@code api} is there; returns what changed, by file.
     */
    public static List<String> sync(Path classes, Path api, Path state) throws IOException {
        Map<String, String> now = apiOf(classes);
        Properties before = new Properties();
        if (Files.exists(state)) {
            try (var in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                before.load(in);
            }
        }
        Map<String, String> previous = new TreeMap<>();
        before.stringPropertyNames().forEach(k -> previous.put(k, before.getProperty(k)));
        if (now.equals(previous) && Files.isDirectory(api)) {
            return List.of();
        }
        List<String> notes = previous.isEmpty() ? List.of() : changes(previous, now);
        copy(classes, api);
        Properties after = new Properties();
        after.putAll(now);
        Files.createDirectories(state.getParent());
        try (var out = Files.newBufferedWriter(state, StandardCharsets.UTF_8)) {
            after.store(out, "the library's API the grader was last compiled against (kit.grader.tools.LibraryApi)");
        }
        return notes;
    }

    /** Per source file whose API changed, one line naming the file and the signatures gone and new. */
    private static List<String> changes(Map<String, String> before, Map<String, String> now) {
        Map<String, List<String>> byFile = new TreeMap<>();
        TreeSet<String> classes = new TreeSet<>(before.keySet());
        classes.addAll(now.keySet());
        for (String c : classes) {
            List<String> was = lines(before.get(c));
            List<String> is = lines(now.get(c));
            List<String> gone = was.stream().filter(s -> !is.contains(s)).toList();
            List<String> added = is.stream().filter(s -> !was.contains(s)).toList();
            if (gone.isEmpty() && added.isEmpty()) {
                continue;
            }
            String top = c.contains("$") ? c.substring(0, c.indexOf('$')) : c;
            List<String> what = byFile.computeIfAbsent("exercises/src/main/java/" + top + ".java", f -> new ArrayList<>());
            gone.forEach(s -> what.add("gone: " + s));
            added.forEach(s -> what.add("new: " + s));
        }
        List<String> notes = new ArrayList<>();
        byFile.forEach((file, what) -> notes.add("the public signatures in " + file + " changed since the last run ("
                + String.join("; ", what) + "); the grader is compiled again against them, and a call of the grader's "
                + "that no longer fits them is a compile error below"));
        return notes;
    }

    private static List<String> lines(String api) {
        return api == null ? List.of() : List.of(api.split("\n"));
    }

    /** Class (internal name) to its API, one signature a line, for every class file under {@code classes}. */
    static Map<String, String> apiOf(Path classes) throws IOException {
        Map<String, String> api = new TreeMap<>();
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
                if (!name.matches(".*\\$\\d.*")) {   // local and anonymous classes are nobody's API
                    api.put(name, new Reader(Files.readAllBytes(file)).api());
                }
            }
        }
        return api;
    }

    /** Makes {@code to} a copy of the folder {@code from}: emptied first, then every file copied. */
    static void copy(Path from, Path to) throws IOException {
        LibraryCompiler.clean(to);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The API of one class file, read from its bytes. */
    private static final class Reader {
        private static final int PRIVATE = 0x0002;
        private final ByteBuffer in;
        private final Object[] pool;   // Utf8 -> String; Integer, Long, Float, Double -> the boxed value; others -> int[]
        private String self;

        Reader(byte[] bytes) {
            in = ByteBuffer.wrap(bytes);
            if (in.getInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.getInt();
            pool = new Object[u2()];
            for (int i = 1; i < pool.length; i++) {
                int tag = in.get();
                switch (tag) {
                    case 1 -> {
                        byte[] utf = new byte[u2()];
                        in.get(utf);
                        pool[i] = new String(utf, StandardCharsets.UTF_8);
                    }
                    case 3 -> pool[i] = in.getInt();
                    case 4 -> pool[i] = in.getFloat();
                    case 5 -> pool[i++] = in.getLong();
                    case 6 -> pool[i++] = in.getDouble();
                    case 7, 8, 16, 19, 20 -> pool[i] = new int[] {u2()};
                    case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {u2(), u2()};
                    case 15 -> pool[i] = new int[] {in.get() & 0xFF, u2()};
                    default -> throw new IllegalArgumentException("constant pool tag " + tag);
                }
            }
        }

        private int u2() {
            return in.getShort() & 0xFFFF;
        }

        private String utf(int i) {
            return (String) pool[i];
        }

        private String className(int i) {
            return i == 0 ? "-" : utf(((int[]) pool[i])[0]);
        }

        private String constant(int i) {
            return pool[i] instanceof int[] ref ? "\"" + utf(ref[0]) + "\"" : String.valueOf(pool[i]);
        }

        String api() {
            List<String> lines = new ArrayList<>();
            int access = u2();
            self = className(u2());
            StringBuilder head = new StringBuilder("class " + self + " access " + access + " extends " + className(u2()));
            int interfaces = u2();
            for (int i = 0; i < interfaces; i++) {
                head.append(i == 0 ? " implements " : ", ").append(className(u2()));
            }
            List<String> members = new ArrayList<>();
            for (int kind = 0; kind < 2; kind++) {
                int count = u2();
                for (int m = 0; m < count; m++) {
                    int flags = u2();
                    StringBuilder member = new StringBuilder(utf(u2()) + utf(u2()) + " access " + flags);
                    attributes(member, kind == 0);
                    if ((flags & PRIVATE) == 0) {
                        members.add(member.toString());
                    }
                }
            }
            attributes(head, false);
            lines.add(head.toString());
            members.stream().sorted().forEach(lines::add);
            return String.join("\n", lines);
        }

        /** Appends what a compiler reads from the attributes that follow: generic signatures, constants, nesting. */
        private void attributes(StringBuilder out, boolean field) {
            int count = u2();
            for (int a = 0; a < count; a++) {
                String name = utf(u2());
                int length = in.getInt();
                int start = in.position();
                switch (name) {
                    case "Signature" -> out.append(" signature ").append(utf(u2()));
                    case "ConstantValue" -> {
                        if (field) {
                            out.append(" = ").append(constant(u2()));
                        }
                    }
                    case "Exceptions" -> {
                        int n = u2();
                        for (int e = 0; e < n; e++) {
                            out.append(e == 0 ? " throws " : ", ").append(className(u2()));
                        }
                    }
                    case "InnerClasses" -> {
                        int n = u2();
                        for (int c = 0; c < n; c++) {
                            String inner = className(u2());
                            int outer = u2();
                            u2();
                            int flags = u2();
                            if (outer != 0 && className(outer).equals(self) && (flags & PRIVATE) == 0) {   // its own member classes
                                out.append(" inner ").append(inner).append(' ').append(flags);
                            }
                        }
                    }
                    default -> {
                    }
                }
                in.position(start + length);
            }
        }
    }
}
