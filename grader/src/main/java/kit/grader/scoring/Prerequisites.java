package kit.grader.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Blame lands on the method that is wrong. Every graded test names what it grades in its title,
 * "Attention > backward > ..." (the class, and the method when a later part of the title starts
 * with one of the class's methods). A failing test that reaches a failing subject other than its
 * own, one whose failure is its own (some failing test of it reaches no other failing subject), is
 * marked "blocked by `Attention.backward`", or "blocked by Lesson 1: Linear.backward" across
 * lessons, instead of counting as a failure to fix; its hint is not shown.
 *
 * <p>What a test reaches is read from class files (the test's, its helpers' and the library's),
 * never by loading them: the calls of each method, followed from the test method, its class's
 * constructors and {@code @BeforeAll}/{@code @BeforeEach} methods; a call through an interface or
 * a superclass reaches that method of every class the reached code instantiates; a lambda created
 * in the library (a pass's way back) is reached only once something calls back through a
 * {@code Pass} or a function.
 */
public final class Prerequisites {
    private static final int MAX_METHODS = 20_000;

    private Prerequisites() {
    }

    /** What a test grades: the library class, and the method if its title names one. */
    record Subject(int lesson, String className, String method) {
        /** Does a test that reaches {@code methods} ("kit/lesson6/Attention.backward") reach this subject? */
        boolean reachedBy(Set<String> methods) {
            String prefix = "kit/lesson" + lesson + "/" + className + ".";
            return method == null ? methods.stream().anyMatch(m -> m.startsWith(prefix)) : methods.contains(prefix + method);
        }

        /** Two subjects of one class, one of them the whole class, cannot be told apart. */
        boolean overlaps(Subject other) {
            return lesson == other.lesson && className.equals(other.className)
                    && (method == null || other.method == null || method.equals(other.method));
        }

        String shown(int forLesson) {
            String name = method == null ? className : className + "." + method;
            return lesson == forLesson ? name : "Lesson " + lesson + ": " + name;
        }
    }

    /** Marks the blocked tests of {@code book}; test classes come from {@code tests}, library classes from {@code library}. */
    public static void mark(Gradebook book, ClassLoader tests, Path library) {
        Classes classes = new Classes(tests, library);
        Map<GradedTest, Subject> subjects = new HashMap<>();
        Map<GradedTest, Set<String>> reached = new HashMap<>();
        List<GradedTest> failing = new ArrayList<>();
        for (GradedTest t : book.graded()) {
            if (t.outcome() == Outcome.FAILED) {
                failing.add(t);
                Subject s = subject(t, classes);
                if (s != null) {
                    subjects.put(t, s);
                }
                reached.put(t, classes.reachedFrom("kit/grader/lesson" + t.lesson().number() + "/" + t.testClass(),
                        t.method()));
            }
        }
        Set<Subject> failingSubjects = new LinkedHashSet<>(subjects.values());
        Set<Subject> ownFailures = new LinkedHashSet<>();
        for (GradedTest t : failing) {
            Subject own = subjects.get(t);
            if (own != null && others(t, own, failingSubjects, reached.get(t)).isEmpty()) {
                ownFailures.add(own);
            }
        }
        for (GradedTest t : failing) {
            Set<String> blockers = new TreeSet<>();
            for (Subject s : others(t, subjects.get(t), ownFailures, reached.get(t))) {
                blockers.add(s.shown(t.lesson().number()));
            }
            if (!blockers.isEmpty()) {
                t.markBlocked(String.join(", ", blockers));
            }
        }
    }

    /** The subjects among {@code candidates}, other than {@code own}, of this lesson or earlier, that {@code t} reaches. */
    private static List<Subject> others(GradedTest t, Subject own, Set<Subject> candidates, Set<String> reached) {
        List<Subject> found = new ArrayList<>();
        for (Subject s : candidates) {
            if (s.lesson() <= t.lesson().number() && (own == null || !s.overlaps(own)) && s.reachedBy(reached)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The subject a test's title names: "Attention > backward > ..." is Attention.backward; null if it names no library class. */
    static Subject subject(GradedTest t, Classes classes) {
        String[] parts = t.name().split(" > ");
        String className = parts[0].replaceFirst(" \\(.*$", "").replaceFirst("\\..*$", "").strip();
        int lesson = t.lesson().number();
        ClassFile c = classes.get("kit/lesson" + lesson + "/" + className);
        if (c == null) {
            return null;
        }
        Set<String> methods = new HashSet<>();
        c.methods.forEach(m -> methods.add(m.name()));
        List<String> words = new ArrayList<>();
        if (parts[0].contains(".")) {
            words.add(parts[0].substring(parts[0].indexOf('.') + 1).split("[ (]")[0]);
        }
        for (int i = 1; i < parts.length; i++) {
            words.add(parts[i].split("[ (]")[0]);
        }
        for (String w : words) {
            if (methods.contains(w)) {
                return new Subject(lesson, className, w);
            }
        }
        return new Subject(lesson, className, null);
    }

    /** The class files of the tests and of the library, parsed once each. */
    static final class Classes {
        private final ClassLoader tests;
        private final Path library;
        private final Map<String, ClassFile> parsed = new HashMap<>();

        Classes(ClassLoader tests, Path library) {
            this.tests = tests;
            this.library = library;
        }

        ClassFile get(String internalName) {
            return parsed.computeIfAbsent(internalName, n -> ClassFile.parse(bytes(n)));
        }

        private byte[] bytes(String internalName) {
            if (!internalName.startsWith("kit/")) {
                return null;
            }
            try {
                Path file = library.resolve(internalName + ".class");
                if (!internalName.startsWith("kit/grader/") && Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
                try (InputStream in = tests.getResourceAsStream(internalName + ".class")) {
                    return in == null ? null : in.readAllBytes();
                }
            } catch (IOException e) {
                return null;
            }
        }

        /** Every kit method ("owner.name") reached from test method {@code method} of test class {@code testClass}. */
        Set<String> reachedFrom(String testClass, String method) {
            Reach reach = new Reach(this);
            for (String c = testClass; ; c = c.substring(0, c.lastIndexOf('$'))) {
                ClassFile file = get(c);
                if (file != null) {
                    for (ClassFile.Method m : file.methods) {
                        boolean lifecycle = m.annotations().stream().anyMatch(a -> a.startsWith("Lorg/junit/jupiter/api/Before"));
                        if (m.name().equals("<init>") || m.name().equals("<clinit>") || lifecycle
                                || (c.equals(testClass) && m.name().equals(method))) {
                            reach.add(c, m.name(), m.descriptor());
                        }
                    }
                }
                if (!c.contains("$")) {
                    break;
                }
            }
            return reach.run();
        }
    }

    /** A walk over the calls: rapid type analysis over kit classes, lambdas of the library held back until called back. */
    private static final class Reach {
        private final Classes classes;
        private final Set<String> seen = new HashSet<>();          // owner.name.descriptor
        private final Deque<String[]> queue = new ArrayDeque<>();
        private final Set<String> instantiated = new HashSet<>();
        private final Set<String> virtualCalls = new HashSet<>();  // name.descriptor called on an interface or superclass
        private final List<ClassFile.Call> heldLambdas = new ArrayList<>();
        private boolean calledBack;

        Reach(Classes classes) {
            this.classes = classes;
        }

        void add(String owner, String name, String descriptor) {
            if (owner.startsWith("kit/") && seen.size() < MAX_METHODS && seen.add(owner + "." + name + "." + descriptor)) {
                queue.add(new String[] {owner, name, descriptor});
            }
        }

        Set<String> run() {
            boolean more = true;
            while (more) {
                while (!queue.isEmpty()) {
                    String[] next = queue.poll();
                    visit(next[0], next[1], next[2]);
                }
                more = false;
                if (calledBack && !heldLambdas.isEmpty()) {
                    heldLambdas.forEach(l -> add(l.owner(), l.name(), l.descriptor()));
                    heldLambdas.clear();
                    more = true;
                }
                for (String type : instantiated) {
                    ClassFile c = classes.get(type);
                    for (ClassFile.Method m : c == null ? List.<ClassFile.Method>of() : c.methods) {
                        if (virtualCalls.contains(m.name() + "." + m.descriptor())
                                && !seen.contains(type + "." + m.name() + "." + m.descriptor())) {
                            add(type, m.name(), m.descriptor());
                            more = true;
                        }
                    }
                }
            }
            Set<String> methods = new HashSet<>();
            for (String s : seen) {
                methods.add(s.substring(0, s.indexOf('.', s.indexOf('.') + 1)));   // owner.name, without the descriptor
            }
            return methods;
        }

        private void visit(String owner, String name, String descriptor) {
            ClassFile c = classes.get(owner);
            if (c == null) {
                return;
            }
            ClassFile.Method method = c.methods.stream()
                    .filter(m -> m.name().equals(name) && m.descriptor().equals(descriptor)).findFirst().orElse(null);
            if (method == null) {
                if (c.superName != null) {
                    add(c.superName, name, descriptor);   // inherited
                }
                return;
            }
            boolean library = !owner.startsWith("kit/grader/");
            instantiated.addAll(method.instantiated());
            for (ClassFile.Call call : method.calls()) {
                if (call.owner().startsWith("java/util/function/")
                        || (call.owner().equals("kit/core/Pass") && call.name().equals("backward"))) {
                    calledBack = true;
                }
                if (call.virtual() || call.owner().equals("kit/core/Pass")) {
                    virtualCalls.add(call.name() + "." + call.descriptor());
                }
                add(call.owner(), call.name(), call.descriptor());
            }
            for (ClassFile.Call lambda : method.lambdas()) {
                if (library) {
                    heldLambdas.add(lambda);
                } else {
                    add(lambda.owner(), lambda.name(), lambda.descriptor());
                }
            }
        }
    }
}
