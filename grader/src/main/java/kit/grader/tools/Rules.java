package kit.grader.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library's rules, read from its class files (never loaded): the library may use the
 * kit's own packages, a lesson only the core and earlier lessons, and from the JDK only what
 * {@link #ALLOWED} names: arithmetic, arrays, collections, records, exceptions, strings,
 * {@code RandomGenerator} and {@code Random}, functional interfaces and printing to
 * {@code System.out}. Everything else is refused with its name, whether called, constructed,
 * read, extended, named in a signature, taken as a method reference or as a class literal. A member
 * is judged by the class that declares it ({@link Members}), wherever the reference names it: a
 * method a library class inherits from the JDK is the JDK's, and {@code "s".wait()} is
 * {@code Object.wait}. Nothing the library may use tells it which test is calling: no stack
 * traces, threads or stack walkers, and outside the given core no {@code getClass()}.
 */
public final class Rules {
    private static final String ALL = "*";
    /** Owner (internal name, or a prefix ending in '/') to the members the library may use. */
    static final Map<String, Set<String>> ALLOWED = new java.util.HashMap<>();
    /** Member names never allowed, whatever the owner: they start threads. */
    private static final Set<String> NEVER = Set.of("parallel", "parallelStream", "parallelSort",
            "parallelPrefix", "parallelSetAll");
    /** Members of allowed classes that are not allowed: system properties, and streams on other threads. */
    private static final Map<String, Set<String>> EXCEPT = Map.of(
            "java/lang/Integer", Set.of("getInteger"), "java/lang/Long", Set.of("getLong"),
            "java/lang/Boolean", Set.of("getBoolean"), "java/util/stream/StreamSupport", Set.of(ALL));
    /**
     * Members only the core may use (all of it is given code): an object's class tells which test
     * handed it in, so a lesson, where students write, may not ask for it.
     */
    private static final Set<String> CORE_ONLY = Set.of("java/lang/Object.getClass", "java/lang/Class.getSimpleName",
            "java/lang/Class.getName");

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

    /** {@code Rules CLASSES_DIR}: fails (exit 1) naming every rule the classes there break. */
    public static void main(String[] args) throws IOException {
        List<String> problems = check(Path.of(args[0]));
        if (!problems.isEmpty()) {
            System.out.println("the library breaks its rules:\n    " + String.join("\n    ", problems));
            System.exit(1);
        }
        System.out.println("the library keeps the rules");
    }

    /** Every rule the classes under {@code classes} break, one line each (at most 20). */
    static List<String> check(Path classes) throws IOException {
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        Members members = new Members(classes);
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                try {
                    new ClassFile(Files.readAllBytes(file), members).check(problems);
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
        Set<String> except = EXCEPT.getOrDefault(owner, Set.of());
        if (except.contains(ALL) || except.contains(name)) {
            return false;
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
        private final Members members;
        private String self;

        ClassFile(byte[] bytes, Members members) {
            this.members = members;
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
                    String declaring = members.declaring(owner, name, utf(nameAndType[2]), e[0] == 9);
                    String through = declaring.equals(owner) ? "" : " (through " + dotted(owner) + ")";
                    if (owner.startsWith("kit/")) {
                        type(where, lesson, "L" + owner + ";", problems, "uses");
                    }
                    if (declaring.startsWith("kit/")) {
                        return;
                    }
                    if (lesson > 0 && CORE_ONLY.contains(declaring + "." + name)) {
                        problems.add(where + " uses " + dotted(declaring) + "." + name + through
                                + ": an object's class could tell which test is calling");
                    } else if (!memberAllowed(declaring, name) || !owner.startsWith("kit/") && !typeAllowed(owner.startsWith("[") ? owner : "L" + owner + ";")) {
                        problems.add(where + " uses " + dotted(declaring) + "." + name + through
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
