package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kit.grader.tools.Gate;
import kit.grader.tools.GenerateExercises;

/**
 * After a small edit the gate compiles only the files that changed; what it leaves must be what a
 * first run on the same sources leaves: the same class files, byte for byte, and the same notes.
 */
@Tag("selfcheck")
@DisplayName("The gate after an edit")
class GateIncrementalTest {
    static final String THING = """
            package kit.lesson9;

            public final class Thing {
                public double twice(double x) {
                    // BEGIN SOLUTION hint: return 2 "x"
                    return 2 * x;
                    // END SOLUTION
                }
            }
            """;
    static final String OTHER = """
            package kit.lesson9;

            final class Other {
                double thrice(Thing t, double x) {
                    // BEGIN SOLUTION hint: return 3 "x"
                    return t.twice(x) + x;
                    // END SOLUTION
                }
            }
            """;

    @Test
    void leaves_what_a_first_run_leaves_after_every_edit(@TempDir Path root, @TempDir Path fresh) throws IOException {
        Path solutions = root.resolve("solutions/src/main/java/kit/lesson9");
        Files.createDirectories(solutions);
        Files.writeString(solutions.resolve("Thing.java"), THING);
        Files.writeString(solutions.resolve("Other.java"), OTHER);
        Path core = root.resolve("solutions/src/main/java/kit/core");   // what a stub throws
        Files.createDirectories(core);
        Path kit = GenerateExercises.findRoot(Path.of("")).orElseThrow();
        Files.copy(kit.resolve("solutions/src/main/java/kit/core/NotImplementedYet.java"), core.resolve("NotImplementedYet.java"));
        assertThat(GenerateExercises.write(root)).isEmpty();
        Path thing = root.resolve("exercises/src/main/java/kit/lesson9/Thing.java");
        Path other = root.resolve("exercises/src/main/java/kit/lesson9/Other.java");
        String thingStub = stubLine(thing);
        String otherStub = stubLine(other);
        String thingStubs = Files.readString(thing);
        String otherStubs = Files.readString(other);

        List<Map<Path, String>> edits = List.of(
                Map.of(thing, thingStubs.replace(thingStub, "        return 2 * x;"),
                        other, otherStubs.replace(otherStub, "        return t.twice(x) + x;")),
                Map.of(thing, thingStubs.replace(thingStub, "        return x + x;")),
                Map.of(thing, thingStubs.replace(thingStub, "        return \"not a number\";")),
                Map.of(other, otherStubs.replace(otherStub, "        return 3 * x;")),
                Map.of(thing, thingStubs.replace(thingStub, "        class Doubler { double of(double v) { return 2 * v; } }\n"
                        + "        return new Doubler().of(x);")),
                Map.of(thing, thingStubs.replace(thingStub, "        return 2 * x;")),
                Map.of(other, otherStubs.replace(otherStub, "        return t.twice(x) + x; }\n    double more() { return 1;")),
                Map.of(other, otherStubs.replace(otherStub, "        return t.twice(x) + x;")));
        int step = 0;
        for (Map<Path, String> edit : edits) {
            step++;
            for (Map.Entry<Path, String> e : edit.entrySet()) {
                Files.writeString(e.getKey(), e.getValue());
            }
            Gate.main(new String[] {root.toString()});
            Path first = fresh.resolve("step-" + step);
            copySources(root, first);
            Gate.main(new String[] {first.toString()});
            assertThat(gate(root)).as("step %d: status and notes", step).isEqualTo(gate(first));
            assertThat(library(root)).as("step %d: the library's class files", step).isEqualTo(library(first));
        }
        assertThat(library(root)).containsKeys("kit/lesson9/Thing.class", "kit/lesson9/Other.class")
                .doesNotContainKey("kit/lesson9/Thing$1Doubler.class");
    }

    private static String stubLine(Path file) throws IOException {
        return Files.readString(file).lines().filter(l -> l.contains("NotImplementedYet")).findFirst().orElseThrow();
    }

    /** The kit at {@code from} without its build output, at {@code to}. */
    private static void copySources(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path relative = from.relativize(p);
                if (relative.toString().replace('\\', '/').startsWith("exercises/target")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(relative.toString()));
                } else {
                    Files.copy(p, to.resolve(relative.toString()));
                }
            }
        }
    }

    /** What the gate wrote for the reports: its status and notes (not its cache keys). */
    private static Map<String, String> gate(Path root) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(root.resolve("exercises/target/grader-gate/gate.properties"))) {
            p.load(in);
        }
        return Map.of("status", p.getProperty("status"), "notes", p.getProperty("notes", ""), "reason",
                p.getProperty("reason", ""));
    }

    /** Each class file in the library folder, by path, with a digest of its bytes. */
    private static Map<String, String> library(Path root) throws IOException {
        Path classes = root.resolve("exercises/target/library");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(classes.relativize(p).toString().replace('\\', '/'), sha(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
