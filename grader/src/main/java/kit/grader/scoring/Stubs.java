package kit.grader.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stubs still in a compiled library, by lesson: every method that throws a
 * {@code NotImplementedYet}, read from the class files (never loaded), so that the "not started"
 * list names every stub, also those no test reached because an earlier stub stopped it.
 */
public final class Stubs {
    private static final Pattern LESSON = Pattern.compile("kit/lesson(\\d+)/[^/]+\\.class$");

    private Stubs() {
    }

    /** Lesson number to its stubs ({@code Class.method}), in the order of the files and of the code in them. */
    public static Map<Integer, List<String>> in(Path library) {
        Map<Integer, List<String>> stubs = new TreeMap<>();
        if (!Files.isDirectory(library)) {
            return stubs;
        }
        try (Stream<Path> files = Files.walk(library)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                Matcher m = LESSON.matcher(file.toString().replace('\\', '/'));
                if (!m.find()) {
                    continue;
                }
                ClassFile c = ClassFile.parse(Files.readAllBytes(file));
                if (c == null) {
                    continue;
                }
                for (ClassFile.Method method : c.methods) {
                    for (String stub : method.stubs()) {
                        List<String> list = stubs.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>());
                        if (!list.contains(stub)) {
                            list.add(stub);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stubs;
    }
}
