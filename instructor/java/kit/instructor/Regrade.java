package kit.instructor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Batch regrades: every sub-folder of SUBMISSIONS is one student's submission (in any shape the
 * Gradescope autograder accepts), graded one after another, each in its own pristine copy of the
 * kit, offline and with a time limit. Writes OUT/gradebook.csv (student, points per lesson,
 * total, status, seconds; rewritten after each submission) and, per student, OUT/NAME/results.json
 * with the grading's log and score table beside it.
 * <pre>
 *   Regrade KIT SUBMISSIONS [--out DIR] [--timeout SECONDS] [--seed N|random] [--lessons all|1-3,5]
 *           [--heap-maven SIZE] [--heap-tests SIZE] [-- GRADER-ARGS...]
 * </pre>
 * The seed defaults to one drawn per submission (the gradebook's seed column), the lessons to the
 * kit's {@code grader.assigned}.
 */
public final class Regrade {
    private Regrade() {
    }

    public static void main(String[] args) throws Exception {
        Kit.exitWithMessage("regrade", () -> regrade(args));
    }

    private static void regrade(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: regrade SUBMISSIONS [--out DIR] " + GradingOptions.USAGE);
        }
        Path kit = Kit.root(Path.of(args[0]));
        Path submissions = Path.of(args[1]).toAbsolutePath().normalize();
        Path out = null;
        GradingOptions options = GradingOptions.defaults(kit);
        for (int i = 2; i < args.length; ) {
            GradingOptions.Parsed parsed = options.parse(args, i);
            if (parsed != null) {
                options = parsed.options();
                i += parsed.used();
            } else if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[i + 1]);
                i += 2;
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "; usage: regrade SUBMISSIONS [--out DIR] "
                        + GradingOptions.USAGE);
            }
        }
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException(submissions + " is not a folder of submissions");
        }
        out = (out != null ? out : submissions.resolveSibling(submissions.getFileName() + "-grades"))
                .toAbsolutePath().normalize();
        Kit.requirePristine(kit, "regrade");
        regrade(kit, submissions, out, options);
    }

    static void regrade(Path kit, Path submissions, Path out, GradingOptions options)
            throws IOException, InterruptedException {
        List<Path> students;
        try (Stream<Path> all = Files.list(submissions)) {
            students = all.filter(Files::isDirectory).filter(d -> !d.equals(out)).sorted().toList();
        }
        Files.createDirectories(out);
        Gradebook book = new Gradebook(Kit.lessons(kit), out.resolve("gradebook.csv"));
        long start = System.nanoTime();
        System.out.printf("regrading %d submissions from %s into %s (%s)%n",
                students.size(), submissions, out, options.describe());
        for (int i = 0; i < students.size(); i++) {
            Path dir = students.get(i);
            String name = dir.getFileName().toString();
            System.out.printf("[%d/%d] %s ...%n", i + 1, students.size(), name);
            long begun = System.nanoTime();
            Path keep = out.resolve(name);
            Kit.delete(keep);
            Results results;
            try {
                results = Grading.grade(new Grading.Settings(kit, dir, options, true), keep);
            } catch (IOException | RuntimeException e) {
                results = Results.zero(Results.Status.ERROR, "The regrade failed: " + e, 0);
            }
            Files.createDirectories(keep);
            Files.writeString(keep.resolve("results.json"), results.render(), StandardCharsets.UTF_8);
            long seconds = Math.round((System.nanoTime() - begun) / 1e9);
            book.add(name, results, seconds);
            System.out.printf("[%d/%d] %s: %s, %s points (%d s; elapsed %s)%n", i + 1, students.size(), name,
                    results.status().label, plain(results.score()), seconds, clock(System.nanoTime() - start));
        }
        System.out.printf("gradebook: %s (%d submissions in %s)%n", out.resolve("gradebook.csv"), students.size(),
                clock(System.nanoTime() - start));
    }

    /** The CSV gradebook, rewritten in full after every submission. */
    static final class Gradebook {
        private final List<Integer> lessons;
        private final Path file;
        private final List<String> rows = new ArrayList<>();

        Gradebook(List<Integer> lessons, Path file) throws IOException {
            this.lessons = lessons;
            this.file = file;
            List<String> header = new ArrayList<>(List.of("student"));
            lessons.forEach(n -> header.add("lesson" + n));
            header.addAll(List.of("total", "status", "seconds", "seed"));
            rows.add(String.join(",", header));
            write();
        }

        void add(String student, Results results, long seconds) throws IOException {
            Map<Integer, BigDecimal> points = results.pointsPerLesson();
            List<String> row = new ArrayList<>(List.of(csv(student)));
            lessons.forEach(n -> row.add(plain(points.getOrDefault(n, BigDecimal.ZERO))));
            row.addAll(List.of(plain(results.score()), results.status().label, String.valueOf(seconds), results.seed()));
            rows.add(String.join(",", row));
            write();
        }

        private void write() throws IOException {
            Files.write(file, rows, StandardCharsets.UTF_8);
        }

        private static String csv(String field) {
            return field.matches("[^,\"\r\n]*") ? field : "\"" + field.replace("\"", "\"\"") + "\"";
        }
    }

    static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String clock(long nanos) {
        long s = Math.round(nanos / 1e9);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
