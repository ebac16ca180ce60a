package kit.instructor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The self-test's submissions, made from the kit itself, one per shape a student may upload:
 * <ul>
 *   <li>{@code a-reference}: the whole repository, with the reference library in exercises/;</li>
 *   <li>{@code b-stubs}: just the kit/ package folders, untouched;</li>
 *   <li>{@code c-compile-error}: the contents of exercises/, the reference with a line that does
 *       not compile (a string for an int) in the first student region of kit/lesson1/Linear.java;</li>
 *   <li>{@code d-endless-loop}: a zip of the kit/ folders, the reference with an endless loop at
 *       the start of the first student region of kit/lesson1/Linear.java: the grader stubs the
 *       method it finds running at the timeout, so it is graded like {@code c-compile-error}.</li>
 * </ul>
 */
record Fixtures(Path root, List<Case> batchCases) {
    /** One submission and the grade it must get. */
    record Case(String name, Path dir, Results.Status status, String expectedOutput) {
    }

    private static final String LINEAR = "kit/lesson1/Linear.java";

    List<Case> bundleCases() {
        return batchCases.subList(0, 3);
    }

    static Fixtures make(Path kit, Path root) throws IOException {
        Path reference = kit.resolve("solutions").resolve("src/main/java");
        Path stubs = kit.resolve(Kit.LIBRARY);
        List<Case> cases = new ArrayList<>();

        Path whole = root.resolve("a-reference");
        Kit.copy(kit, whole);
        Kit.delete(whole.resolve(Kit.LIBRARY));
        Kit.copy(reference, whole.resolve(Kit.LIBRARY));
        cases.add(new Case("a-reference", whole, Results.Status.FULL_MARKS, ""));

        Path packages = root.resolve("b-stubs");
        Kit.copy(stubs, packages);
        cases.add(new Case("b-stubs", packages, Results.Status.GRADED, ""));

        Path exercises = root.resolve("c-compile-error");
        Kit.copy(reference, exercises.resolve("src/main/java"));
        Path linear = exercises.resolve("src/main/java").resolve(LINEAR);
        List<String> lines = new ArrayList<>(Files.readAllLines(linear, StandardCharsets.UTF_8));
        int broken = firstLine(lines, "// BEGIN SOLUTION") + 1;
        lines.add(broken, "        int broken = \"not a number\";");
        Files.write(linear, lines, StandardCharsets.UTF_8);
        cases.add(new Case("c-compile-error", exercises, Results.Status.COMPILE_ERROR,
                Kit.LIBRARY.toString().replace('\\', '/') + "/" + LINEAR + ":" + (broken + 1) + ":"));

        Path looping = root.resolve("d-endless-loop");
        Path unpacked = root.resolveSibling("d-endless-loop-files");
        Kit.copy(reference, unpacked);
        Path loopFile = unpacked.resolve(LINEAR);
        lines = new ArrayList<>(Files.readAllLines(loopFile, StandardCharsets.UTF_8));
        int region = firstLine(lines, "// BEGIN SOLUTION");
        lines.add(region + 1, "        for (int spin = 1; spin > 0; spin = spin % 7 + 1) { }");
        Files.write(loopFile, lines, StandardCharsets.UTF_8);
        Files.createDirectories(looping);
        zip(unpacked, looping.resolve("submission.zip"));
        cases.add(new Case("d-endless-loop", looping, Results.Status.GRADED, "Linear.affine did not return within"));
        return new Fixtures(root, cases);
    }

    private static int firstLine(List<String> lines, String containing) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(containing)) {
                return i;
            }
        }
        throw new IllegalStateException(LINEAR + " has no line starting with " + containing);
    }

    static void zip(Path dir, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
             Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
