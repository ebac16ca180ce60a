package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the student handout: the repository students get (a GitHub template, GitHub Classroom's
 * starter code, or a zip). It holds the library with its stubs ({@code exercises/}), the grader
 * (with the given code it checks submissions against), the book, the Maven Wrapper, a student
 * README (the kit's, without the parts marked for instructors) and a workflow that grades every
 * push and reports the score to GitHub Classroom. It holds no {@code solutions/}, no instructor
 * tools, no {@code .ci/} and no {@code bench/}. The lessons assigned so far are written into its
 * {@code pom.xml} ({@code grader.assigned}). Every text file is written with LF line ends.
 * <pre>
 *   BuildHandout KIT [--out DIR] [--lessons all|1-3,5] [--replace]
 * </pre>
 */
public final class BuildHandout {
    /** The kit's top-level entries that stay with the instructor. */
    static final List<String> INSTRUCTORS_ONLY = List.of("solutions", "instructor", ".ci", "bench", ".github",
            "README.md");
    /** A README line ending with this marker is for instructors only. */
    static final String LINE_MARKER = "<!-- instructors -->";
    /** README lines from this marker to {@link #BLOCK_END} are for instructors only. */
    static final String BLOCK_BEGIN = "<!-- instructors: begin -->";
    static final String BLOCK_END = "<!-- instructors: end -->";
    /** The handout's workflow, kept in the kit beside the instructor tools. */
    static final Path WORKFLOW = Path.of("instructor", "handout", "classroom.yml");
    /** What a student README must never mention: where it does, a part for instructors lacks its marker. */
    static final Pattern INSTRUCTOR_WORDS = Pattern.compile("solutions/|instructor/|-Pkit|\\.ci/|bench/");

    private static final Pattern KIT_PROFILE = Pattern.compile(
            "\\n[ \\t]*(<!--(?:(?!-->).)*-->\\s*)?<profile>\\s*<id>kit</id>.*?</profile>[ \\t]*", Pattern.DOTALL);
    private static final Pattern ASSIGNED = Pattern.compile("<grader\\.assigned>[^<]*</grader\\.assigned>");

    private BuildHandout() {
    }

    public static void main(String[] args) throws Exception {
        Kit.exitWithMessage("build-handout", () -> fromCommandLine(args));
    }

    private static void fromCommandLine(String[] args) throws Exception {
        String usage = "usage: build-handout [--out DIR] [--lessons all|1-3,5] [--replace]";
        if (args.length < 1) {
            throw new IllegalArgumentException(usage);
        }
        long start = System.nanoTime();
        Path kit = Kit.root(Path.of(args[0]));
        Path out = kit.resolve("target").resolve("handout");
        String lessons = GradingOptions.assignedIn(kit);
        boolean replace = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--lessons" -> lessons = args[++i];
                case "--replace" -> replace = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage);
            }
        }
        Kit.requirePristine(kit, "build-handout");
        int files = build(kit, out, lessons, replace);
        System.out.printf("built the handout %s: %d files, lessons %s, in %.1f s%n", out, files, lessons,
                (System.nanoTime() - start) / 1e9);
        System.out.println("make it a repository and push it (then tick \"Template repository\", or give it to "
                + "GitHub Classroom as starter code):");
        System.out.println("    cd " + out + " && git init -q -b main && git add . && git commit -qm \"Inductive biases kit\"");
    }

    /** Writes the handout of {@code kit} into {@code out}; returns how many files it has. */
    static int build(Path kit, Path out, String lessons, boolean replace) throws IOException {
        new GradingOptions(GradingOptions.defaults(kit).timeout(), GradingOptions.RANDOM, lessons,
                GradingOptions.MAVEN_HEAP, GradingOptions.TEST_HEAP, List.of());   // checks the lessons' spelling
        if (out.startsWith(kit) && !out.startsWith(kit.resolve("target"))) {
            throw new IllegalArgumentException("the handout goes outside the kit or under its target/, not into " + out);
        }
        if (Files.exists(out)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(out)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !replace) {
                throw new IllegalArgumentException(out + " exists and is not empty: give another --out, or --replace "
                        + "to write the handout over it");
            }
            Kit.delete(out);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(kit)) {
            all.filter(Files::isRegularFile).filter(p -> handedOut(kit.relativize(p))).sorted().forEach(files::add);
        }
        for (Path f : files) {
            Path relative = kit.relativize(f);
            byte[] content = Kit.withUnixLineEnds(f, Files.readAllBytes(f));
            if (relative.toString().equals("pom.xml")) {
                content = studentPom(new String(content, StandardCharsets.UTF_8), lessons).getBytes(StandardCharsets.UTF_8);
            } else if (relative.equals(Path.of("grader", "pom.xml"))) {
                content = withoutKitProfile(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            write(out.resolve(relative.toString()), content, Files.isExecutable(f) && !f.toString().endsWith(".java"));
        }
        Path kitReadme = kit.resolve("README.md");
        String readme = studentReadme(new String(Kit.withUnixLineEnds(kitReadme, Files.readAllBytes(kitReadme)),
                StandardCharsets.UTF_8));
        write(out.resolve("README.md"), readme.getBytes(StandardCharsets.UTF_8), false);
        Path workflow = kit.resolve(WORKFLOW);
        write(out.resolve(".github/workflows/classroom.yml"),
                Kit.withUnixLineEnds(workflow, Files.readAllBytes(workflow)), false);
        write(out.resolve("mvnw"), Files.readAllBytes(out.resolve("mvnw")), true);
        return files.size() + 2;
    }

    /** Whether a file of the kit (relative to its root) goes into the handout. */
    private static boolean handedOut(Path relative) {
        if (INSTRUCTORS_ONLY.contains(relative.getName(0).toString())) {
            return false;
        }
        for (Path part : relative) {
            if (Kit.skipped(part)) {
                return false;
            }
        }
        return !relative.getFileName().toString().endsWith(".zip");
    }

    /** The root pom without the kit's own check (it needs solutions/), naming the assigned lessons. */
    static String studentPom(String pom, String lessons) {
        Matcher m = ASSIGNED.matcher(pom);
        if (!m.find()) {
            throw new IllegalStateException("pom.xml has no <grader.assigned> property to name the lessons in");
        }
        return withoutKitProfile(m.replaceFirst("<grader.assigned>" + Matcher.quoteReplacement(lessons)
                + "</grader.assigned>"));
    }

    static String withoutKitProfile(String pom) {
        return KIT_PROFILE.matcher(pom).replaceAll("");
    }

    /** The kit's README without what is marked as for instructors (a line, or a block). */
    static String studentReadme(String readme) {
        StringBuilder s = new StringBuilder();
        boolean inBlock = false;
        for (String line : readme.split("\n", -1)) {
            String bare = line.strip();
            if (bare.equals(BLOCK_BEGIN)) {
                inBlock = true;
            } else if (bare.equals(BLOCK_END)) {
                inBlock = false;
            } else if (!inBlock && !bare.endsWith(LINE_MARKER)) {
                s.append(line).append('\n');
            }
        }
        String text = s.toString().replaceAll("\n{3,}", "\n\n").stripTrailing() + "\n";
        Matcher leak = INSTRUCTOR_WORDS.matcher(text);
        if (leak.find()) {
            int lineStart = text.lastIndexOf('\n', leak.start()) + 1;
            int lineEnd = text.indexOf('\n', leak.start());
            throw new IllegalStateException("the student README would mention \"" + leak.group() + "\": mark the part "
                    + "for instructors in README.md (a line ending with " + LINE_MARKER + ", or a block between "
                    + BLOCK_BEGIN + " and " + BLOCK_END + "):\n    " + text.substring(lineStart, lineEnd));
        }
        return text;
    }

    private static void write(Path file, byte[] content, boolean executable) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): Git records mvnw's executable bit from the kit's index
        }
    }
}
