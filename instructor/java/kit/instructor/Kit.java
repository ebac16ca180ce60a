package kit.instructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kit's own tree as the instructor tools see it: where the library lives, which lessons
 * exist (whatever {@code kit.lessonN} packages there are), and a pristine copy for one grading.
 */
final class Kit {
    /** The student's library, relative to the kit's root. */
    static final Path LIBRARY = Path.of("exercises", "src", "main", "java");
    /** Never copied: build output, version control, editors' files. */
    static final Set<String> SKIPPED = Set.of("target", ".git", ".idea", ".vscode", ".settings", ".classpath",
            ".project", "node_modules");
    private static final Pattern LESSON = Pattern.compile("lesson(\\d+)");

    private Kit() {
    }

    /** Fails unless {@code dir} looks like the kit's root. */
    static Path root(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve(LIBRARY.resolve("kit")))) {
            throw new IllegalArgumentException(root + " is not the kit's root (no pom.xml and " + LIBRARY + "/kit)");
        }
        return root;
    }

    /** The lesson numbers, from the packages {@code kit.lessonN} in the library, ascending. */
    static List<Integer> lessons(Path root) {
        List<Integer> lessons = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root.resolve(LIBRARY).resolve("kit"))) {
            dirs.filter(Files::isDirectory).forEach(d -> {
                Matcher m = LESSON.matcher(d.getFileName().toString());
                if (m.matches()) {
                    lessons.add(Integer.parseInt(m.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lessons.sort(Comparator.naturalOrder());
        return lessons;
    }

    /** Copies the kit's tree without build output or version control. */
    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(from) && skipped(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !skipped(file)) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static boolean skipped(Path path) {
        String name = path.getFileName().toString();
        return SKIPPED.contains(name) || name.endsWith(".iml");
    }

    /** Deletes a tree, best effort (a file still held open is left behind). */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Null if exercises/ is what the generator makes from solutions/, else what the generator
     * said. A kit without solutions/ (a student's copy) has nothing to compare and passes.
     */
    static String exercisesStale(Path root) throws IOException, InterruptedException {
        Path generator = root.resolve("grader/src/main/java/kit/grader/tools/GenerateExercises.java");
        if (!Files.isDirectory(root.resolve("solutions")) || !Files.isRegularFile(generator)) {
            return null;
        }
        Process p = new ProcessBuilder(javaCommand(), generator.toString(), "--check", root.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? null : said;
    }

    /**
     * Fails with a clear message unless exercises/ is what the generator makes from solutions/:
     * the tools grade in a copy of this kit, so a stale or hand-edited exercises/ would be what
     * students are graded against. Regenerating would overwrite hand edits, so the message says
     * how to keep them.
     */
    static void requirePristine(Path root, String tool) throws IOException, InterruptedException {
        String stale = exercisesStale(root);
        if (stale != null) {
            throw new IllegalStateException("exercises/ is not what the generator makes from solutions/, so " + tool
                    + " stops (it would grade against that copy). The generator says:\n    "
                    + stale.lines().filter(l -> !l.startsWith("Regenerate with")).collect(java.util.stream.Collectors.joining("\n    "))
                    + "\nexercises/ is generated: if you edited it by hand, move "
                    + "those edits into solutions/ first (git diff exercises/ shows them), because regenerating "
                    + "overwrites exercises/. Then regenerate it from the kit's root:\n    java "
                    + "grader/src/main/java/kit/grader/tools/GenerateExercises.java");
        }
    }

    /** An action of a tool's main method. */
    interface Action {
        void run() throws Exception;
    }

    /** Runs a tool's work; a mistake of its user ends it with one message and exit code 2, not a stack trace. */
    static void exitWithMessage(String tool, Action action) throws Exception {
        try {
            action.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(tool + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * A file's bytes as a Unix system needs them: text with LF line ends (a checkout on Windows
     * may have CRLF, which breaks every shell script), except Windows' own {@code .cmd} scripts;
     * binary files (a NUL byte, or a known binary type) as they are.
     */
    static byte[] withUnixLineEnds(Path file, byte[] content) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".cmd") || name.endsWith(".bat") || BINARY.matcher(name).matches()) {
            return content;
        }
        for (byte b : content) {
            if (b == 0) {
                return content;
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length);
        for (int i = 0; i < content.length; i++) {
            if (content[i] != '\r' || i + 1 >= content.length || content[i + 1] != '\n') {
                out.write(content[i]);
            }
        }
        return out.toByteArray();
    }

    private static final Pattern BINARY = Pattern.compile(".*\\.(png|jpe?g|gif|ico|jar|zip|gz|class|pdf)");

    /** A properties file, or no properties if there is no such file. */
    static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }

    /** The java launcher this tool runs on, so that every step uses the same JDK. */
    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
