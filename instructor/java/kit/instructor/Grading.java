package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One submission graded in a pristine copy of the kit: copy the kit (without build output),
 * put the submission's library files in place, run the grading command offline with a time
 * limit, and always end with Gradescope results. The submission's folder is only read; the copy
 * is deleted afterwards, so nothing of one grading reaches the next.
 */
final class Grading {
    /** What to grade and how. {@code submission} null grades the untouched stubs. */
    record Settings(Path kit, Path submission, Duration timeout, boolean offline, List<String> mavenArgs) {
    }

    /** The results, and the grading's own log and reports for whoever wants to keep them. */
    record Graded(Results results, String log, Path reports, long seconds) {
    }

    private Grading() {
    }

    /**
     * Grades; {@code keep} (if not null) receives the Maven log, the score table, the summary, the
     * report page and what it links to (the figures, the book's copies).
     */
    static Results grade(Settings settings, Path keep) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("kit-grading-").toRealPath();
        try {
            Graded g = run(settings, work, start);
            if (keep != null) {
                Files.createDirectories(keep);
                Files.writeString(keep.resolve("log.txt"), g.log(), StandardCharsets.ISO_8859_1);
                for (String report : List.of("table.txt", "summary.md", "report.html")) {
                    if (g.reports() != null && Files.isRegularFile(g.reports().resolve(report))) {
                        Files.copy(g.reports().resolve(report), keep.resolve(report),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                for (String folder : List.of("figures", "book")) {   // what report.html links to
                    if (g.reports() != null && Files.isDirectory(g.reports().resolve(folder))) {
                        Kit.copy(g.reports().resolve(folder), keep.resolve(folder));
                    }
                }
            }
            return g.results();
        } finally {
            Kit.delete(work);
        }
    }

    private static Graded run(Settings settings, Path work, long start) throws IOException, InterruptedException {
        Path kit = work.resolve("kit");
        Kit.copy(settings.kit(), kit);
        Path library = kit.resolve(Kit.LIBRARY);
        String note = "";
        if (settings.submission() != null) {
            Submission submission = Submission.find(settings.submission(), library, work.resolve("unzipped"));
            note = Feedback.filesNote(submission, library);
            if (submission.taken.isEmpty()) {
                Results r = Results.zero(Results.Status.NO_FILES, Feedback.NO_FILES, seconds(start));
                r.addNote(note);
                return new Graded(r, "", null, seconds(start));
            }
            submission.copyInto(library);
        }
        Path reports = work.resolve("reports");
        Path log = work.resolve("maven.log");
        boolean finished = maven(settings, kit, reports, log);
        String output = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        Results results = finish(settings, finished, kit, reports, output, seconds(start));
        results.addNote(note);
        return new Graded(results, output, reports, seconds(start));
    }

    private static Results finish(Settings settings, boolean finished, Path kit, Path reports, String log,
                                  long seconds) throws IOException {
        if (!finished) {
            return Results.zero(Results.Status.TIMEOUT, Feedback.timeout(settings.timeout()), seconds);
        }
        Path json = reports.resolve("results.json");
        if (Files.isRegularFile(json)) {
            try {
                return Results.fromGrader(Files.readString(json, StandardCharsets.UTF_8), refused(reports));
            } catch (IllegalArgumentException e) {
                return Results.zero(Results.Status.ERROR, Feedback.error(e.getMessage(), log), seconds);
            }
        }
        List<CompilerErrors.Error> errors = CompilerErrors.in(log, kit.toString());
        if (!errors.isEmpty()) {
            return Results.zero(Results.Status.COMPILE_ERROR, Feedback.compileErrors(errors), seconds);
        }
        return Results.zero(Results.Status.ERROR, Feedback.error("the grader wrote no results", log), seconds);
    }

    /** True if the grader's totals say a rule is broken or given code changed (so the grade is 0). */
    private static boolean refused(Path reports) throws IOException {
        java.util.Properties totals = Kit.properties(reports.resolve("verdict.properties"));
        return Boolean.parseBoolean(totals.getProperty("refused")) || Boolean.parseBoolean(totals.getProperty("rules_broken"));
    }

    /** Runs the grading command; false if it ran out of time (it and its children are then killed). */
    private static boolean maven(Settings settings, Path kit, Path reports, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "mvnw"));
        if (settings.offline()) {
            command.add("-o");
        }
        command.addAll(List.of("-B", "-ntp", "test", "-Dgrader.reports=" + reports));
        command.addAll(settings.mavenArgs());
        ProcessBuilder pb = new ProcessBuilder(command).directory(kit.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", javaHome());
        Process p = pb.start();
        boolean finished = p.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        // Whatever is left (a forked test JVM spinning in a loop) goes too.
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (!finished) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        return finished;
    }

    /** The JDK this tool runs on, so that the grading uses the same one. */
    private static String javaHome() {
        return Path.of(System.getProperty("java.home")).toString();
    }

    private static long seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e9);
    }
}
