package kit.grader.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code exercises/src/main/java} from {@code solutions/src/main/java}: every solution region
 * becomes a stub that compiles and throws {@code NotImplementedYet} naming the lesson and method,
 * with the region's hint; every other line is copied byte for byte.
 *
 * <pre>
 *   // BEGIN SOLUTION hint: y = W x + b
 *   ... reference code ...
 *   // END SOLUTION
 * </pre>
 *
 * A region must be the tail of a method body (nothing but the method's closing brace after it),
 * so that the stub compiles, and must sit in a lesson package ({@code kit.lessonN}).
 *
 * <p>Run from the repository root with the JDK alone:
 * <pre>
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java            # regenerate
 *   java grader/src/main/java/kit/grader/tools/GenerateExercises.java --check    # fail if stale
 * </pre>
 * Self-contained on purpose: it needs nothing but this file.
 */
public final class GenerateExercises {
    static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern BEGIN = Pattern.compile("^(\\s*)// BEGIN SOLUTION(?:\\s+hint:\\s*(.*?))?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+kit\\.lesson(\\d+)\\s*;");
    private static final Pattern METHOD = Pattern.compile(
            "^\\s*(?:(?:public|protected|private|static|final|default|synchronized)\\s+)*"
            + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\]?, ]+\\s+(\\w+)\\s*\\([^;]*$");

    private GenerateExercises() {
    }

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        Path root = Path.of(args.length > (check ? 1 : 0) ? args[check ? 1 : 0] : ".").toAbsolutePath().normalize();
        List<String> problems = check ? check(root) : write(root);
        if (!problems.isEmpty()) {
            System.err.println(String.join("\n", problems));
            System.exit(1);
        }
        System.out.println(check ? "exercises/ is what the generator makes from solutions/"
                : "wrote " + root.resolve("exercises").resolve(SOURCES));
    }

    /** Regenerates exercises/, removing generated files whose solution is gone. */
    public static List<String> write(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        Path to = root.resolve("exercises").resolve(SOURCES);
        List<String> problems = new ArrayList<>();
        for (Path stale : javaFiles(to)) {
            if (!Files.exists(from.resolve(to.relativize(stale)))) {
                Files.delete(stale);
            }
        }
        for (Path source : javaFiles(from)) {
            Path relative = from.relativize(source);
            try {
                String generated = generate(relative, Files.readString(source, StandardCharsets.UTF_8));
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.writeString(target, generated, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** What differs between exercises/ and what the generator would write now. */
    public static List<String> check(Path root) throws IOException {
        Path from = root.resolve("solutions").resolve(SOURCES);
        Path to = root.resolve("exercises").resolve(SOURCES);
        TreeSet<Path> all = new TreeSet<>();
        javaFiles(from).forEach(p -> all.add(from.relativize(p)));
        javaFiles(to).forEach(p -> all.add(to.relativize(p)));
        List<String> problems = new ArrayList<>();
        for (Path relative : all) {
            Path source = from.resolve(relative);
            Path target = to.resolve(relative);
            if (!Files.exists(source)) {
                problems.add("exercises/ has " + relative + " but solutions/ does not");
            } else if (!Files.exists(target)) {
                problems.add("exercises/ lacks " + relative);
            } else {
                try {
                    String expected = generate(relative, Files.readString(source, StandardCharsets.UTF_8));
                    if (!expected.equals(Files.readString(target, StandardCharsets.UTF_8))) {
                        problems.add("exercises/" + SOURCES + "/" + relative + " is not what the generator makes");
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.add("Regenerate with: java grader/src/main/java/kit/grader/tools/GenerateExercises.java");
        }
        return problems;
    }

    /** The exercise version of one solution file. */
    public static String generate(Path relative, String solution) {
        String file = relative.toString().replace('\\', '/');
        String className = relative.getFileName().toString().replace(".java", "");
        String[] lines = solution.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int lesson = -1;
        for (int i = 0; i < lines.length; i++) {
            Matcher pkg = PACKAGE.matcher(lines[i]);
            if (pkg.find()) {
                lesson = Integer.parseInt(pkg.group(1));
            }
            Matcher begin = BEGIN.matcher(lines[i]);
            if (!begin.matches()) {
                if (END.matcher(lines[i]).matches()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": END SOLUTION without BEGIN");
                }
                out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                continue;
            }
            if (lesson < 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": solution regions belong in a lesson package (kit.lessonN)");
            }
            String method = className + "." + enclosingMethod(lines, i, file);
            int end = i + 1;
            while (end < lines.length && !END.matcher(lines[end]).matches()) {
                if (BEGIN.matcher(lines[end]).matches()) {
                    throw new IllegalArgumentException(file + ":" + (end + 1) + ": nested BEGIN SOLUTION");
                }
                end++;
            }
            if (end == lines.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": BEGIN SOLUTION without END SOLUTION");
            }
            requireMethodEndsAfter(lines, end, file);
            String hint = begin.group(2) == null ? "" : begin.group(2);
            out.append(begin.group(1)).append("throw new kit.core.NotImplementedYet(").append(lesson).append(", ")
                    .append(quote(method)).append(", ").append(quote(hint)).append(");\n");
            i = end;
        }
        return out.toString();
    }

    private static String enclosingMethod(String[] lines, int begin, String file) {
        for (int j = begin - 1; j >= 0; j--) {
            Matcher m = METHOD.matcher(lines[j]);
            if (m.find() && !List.of("if", "for", "while", "switch", "catch", "return", "new").contains(m.group(1))) {
                return m.group(1);
            }
        }
        throw new IllegalArgumentException(file + ":" + (begin + 1) + ": BEGIN SOLUTION outside a method");
    }

    private static void requireMethodEndsAfter(String[] lines, int end, String file) {
        for (int k = end + 1; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("}")) {
                return;
            }
            break;
        }
        throw new IllegalArgumentException(file + ":" + (end + 1)
                + ": a solution region must end its method (only the closing brace may follow END SOLUTION)");
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
