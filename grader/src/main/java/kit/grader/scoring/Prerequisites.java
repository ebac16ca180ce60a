package kit.grader.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prerequisites are not double-penalised: a failing test of Lesson N that reaches code of an
 * earlier lesson whose own tests fail in this run is marked "blocked by Lesson M: Class" rather
 * than counted as Lesson N's own failure to fix. What a test reaches is read from class files
 * (the test's, its helpers' and the library's), never by loading them; the earlier lesson's class
 * is the one named first in its failing tests' names ("SigmoidBCE > sigmoid > ...").
 */
public final class Prerequisites {
    private static final Pattern LESSON_CLASS = Pattern.compile("^kit/lesson(\\d+)/([^/$]+)");
    private static final int DEPTH = 4;

    private Prerequisites() {
    }

    /** Marks the blocked tests of {@code book}; test classes come from {@code tests}, library classes from {@code library}. */
    public static void mark(Gradebook book, ClassLoader tests, Path library) {
        for (GradedTest t : book.graded()) {
            if (t.outcome() != Outcome.FAILED) {
                continue;
            }
            int lesson = t.lesson().number();
            Set<String> reached = reached("kit/grader/lesson" + lesson + "/" + t.testClass(), lesson, tests, library);
            Set<String> blockers = new TreeSet<>();
            for (GradedTest earlier : book.graded()) {
                if (earlier.lesson().number() < lesson && earlier.outcome() != Outcome.PASSED) {
                    String subject = earlier.name().split(" > ")[0];
                    if (reached.contains(earlier.lesson().number() + ":" + subject)) {
                        blockers.add("Lesson " + earlier.lesson().number() + ": " + subject);
                    }
                }
            }
            if (!blockers.isEmpty()) {
                t.markBlocked(String.join(", ", blockers));
            }
        }
    }

    /** "M:Class" for every class of an earlier lesson that {@code start} reaches through kit code. */
    static Set<String> reached(String start, int lesson, ClassLoader tests, Path library) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {start, "0"});
        String outer = start.contains("$") ? start.substring(0, start.indexOf('$')) : start;
        queue.add(new String[] {outer, "0"});
        while (!queue.isEmpty()) {
            String[] next = queue.poll();
            if (!seen.add(next[0])) {
                continue;
            }
            int depth = Integer.parseInt(next[1]);
            for (String ref : classesIn(bytes(next[0], tests, library))) {
                Matcher m = LESSON_CLASS.matcher(ref);
                if (m.find() && Integer.parseInt(m.group(1)) < lesson) {
                    found.add(m.group(1) + ":" + m.group(2));
                } else if (depth < DEPTH && (ref.startsWith("kit/grader/lesson") || ref.startsWith("kit/lesson")
                        || ref.startsWith("kit/core/"))) {
                    queue.add(new String[] {ref, String.valueOf(depth + 1)});
                }
            }
        }
        return found;
    }

    private static byte[] bytes(String internalName, ClassLoader tests, Path library) {
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

    /** The classes a class file's constant pool names (as internal names, array types unwrapped). */
    static List<String> classesIn(byte[] classFile) {
        if (classFile == null) {
            return List.of();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(classFile);
            in.position(8);
            int count = in.getShort() & 0xFFFF;
            String[] utf = new String[count];
            int[] classes = new int[count];
            int n = 0;
            for (int i = 1; i < count; i++) {
                int tag = in.get();
                switch (tag) {
                    case 1 -> {
                        byte[] b = new byte[in.getShort() & 0xFFFF];
                        in.get(b);
                        utf[i] = new String(b, StandardCharsets.UTF_8);
                    }
                    case 7 -> classes[n++] = in.getShort() & 0xFFFF;
                    case 8, 16, 19, 20 -> in.getShort();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.getInt();
                    case 5, 6 -> {
                        in.getLong();
                        i++;
                    }
                    case 15 -> {
                        in.get();
                        in.getShort();
                    }
                    default -> throw new IllegalArgumentException("tag " + tag);
                }
            }
            return java.util.Arrays.stream(classes, 0, n).mapToObj(k -> utf[k])
                    .map(name -> name.replaceFirst("^\\[+L?", "").replace(";", "")).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
