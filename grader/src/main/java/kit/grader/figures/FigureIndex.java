package kit.grader.figures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What one run drew: the manifest {@code figures.tsv} in the figures folder ({@code <reports>/figures}),
 * one line per figure written and one per lesson whose figures were tried, and the one line the
 * score table ends with. The folder is emptied when a run starts ({@link FreshFolder}), so the
 * manifest speaks of this run only.
 */
public final class FigureIndex {
    /** The figures folder, inside the reports folder. */
    public static final String FOLDER = "figures";
    static final String MANIFEST = "figures.tsv";

    /** How a lesson's figures went. */
    public enum Status { DRAWN, NOT_STARTED, NOT_DRAWN, SKIPPED }

    /** One figure written: {@code lessonN-name.png} at {@code width x height} pixels. */
    public record Drawn(String lesson, String file, int width, int height, String title) {
    }

    /**
     * One lesson's attempt: how it went, how long it took (on the clock, and in CPU time of the
     * drawing thread, which a busy machine does not inflate), and why if it drew nothing.
     */
    public record Attempt(String lesson, Status status, long millis, long cpuMillis, String detail) {
    }

    private final Path folder;
    private final List<Drawn> figures;
    private final List<Attempt> attempts;

    private FigureIndex(Path folder, List<Drawn> figures, List<Attempt> attempts) {
        this.folder = folder;
        this.figures = figures;
        this.attempts = attempts;
    }

    public List<Drawn> figures() {
        return figures;
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    /** The figures folder's manifest as written by this run; empty if no lesson's figures were tried. */
    public static FigureIndex read(Path folder) throws IOException {
        List<Drawn> figures = new ArrayList<>();
        List<Attempt> attempts = new ArrayList<>();
        Path manifest = folder.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f[0].equals("figure") && f.length == 6) {
                    figures.add(new Drawn(f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5]));
                } else if (f[0].equals("lesson") && f.length == 6) {
                    attempts.add(new Attempt(f[1], Status.valueOf(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), f[5]));
                }
            }
        }
        return new FigureIndex(folder, figures, attempts);
    }

    static synchronized void recordFigure(Path folder, Drawn d) throws IOException {
        append(folder, String.join("\t", "figure", d.lesson(), d.file(), String.valueOf(d.width()),
                String.valueOf(d.height()), clean(d.title())));
    }

    static synchronized void recordAttempt(Path folder, Attempt a) throws IOException {
        append(folder, String.join("\t", "lesson", a.lesson(), a.status().name(), String.valueOf(a.millis()),
                String.valueOf(a.cpuMillis()), clean(a.detail())));
    }

    /** The line the score table ends with: how many figures, where, and why any lesson drew none. */
    public String line() {
        String where = folder.toAbsolutePath().normalize().toString();
        List<Attempt> skipped = attempts.stream().filter(a -> a.status() == Status.SKIPPED).toList();
        if (!skipped.isEmpty()) {
            return "figures: skipped, " + skipped.get(0).detail();
        }
        if (attempts.isEmpty()) {
            return "figures: none in this run (a lesson's figures are drawn when its tests run)";
        }
        String failed = attempts.stream().filter(a -> a.status() == Status.NOT_DRAWN)
                .map(a -> number(a.lesson()) + " (" + shorten(a.detail()) + ")")
                .collect(Collectors.joining(", "));
        String notDrawn = failed.isEmpty() ? "" : "; not drawn: lesson " + failed;
        if (figures.isEmpty()) {
            return "figures: none yet, each lesson's are drawn once its code trains (into " + where + ")" + notDrawn;
        }
        String lessons = figures.stream().map(d -> number(d.lesson())).distinct()
                .sorted(Comparator.comparingInt(Integer::parseInt)).collect(Collectors.joining(", "));
        return "figures: " + figures.size() + " drawn from your code (lesson" + (lessons.contains(",") ? "s " : " ")
                + lessons + ") in " + where + notDrawn;
    }

    /** A section for the Markdown summary: the line, and a link to each figure, relative to the reports folder. */
    public String markdown() {
        StringBuilder s = new StringBuilder("\n### Figures\n\n").append(line().replace("|", "\\|")).append("\n");
        if (!figures.isEmpty()) {
            s.append('\n');
        }
        List<Drawn> byLesson = figures.stream()
                .sorted(Comparator.comparingInt(d -> Integer.parseInt(number(d.lesson())))).toList();
        for (Drawn d : byLesson) {
            s.append("- lesson ").append(number(d.lesson())).append(": [").append(d.title().replace("]", ")"))
                    .append("](").append(FOLDER).append('/').append(d.file()).append(")\n");
        }
        return s.toString();
    }

    /**
     * The reports' mention of the figures, in one call after the reports are written: the line is
     * appended to the table and to Gradescope's top-level output, the section to the summary.
     * Never throws: a figure must never cost a report.
     */
    public static void mentionIn(Path reportDir, String table, String summary, String gradescope) {
        try {
            FigureIndex index = read(reportDir.resolve(FOLDER));
            String line = index.line();
            Files.writeString(reportDir.resolve(table), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.writeString(reportDir.resolve(summary), index.markdown(), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            Path json = reportDir.resolve(gradescope);
            JsonObject results = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
            String output = results.has("output") ? results.get("output").getAsString() : "";
            results.addProperty("output", output + line + "\n");
            Files.writeString(json, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(results),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("grader: could not mention the figures in the reports: " + e);
        }
    }

    private static void append(Path folder, String line) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(MANIFEST), line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String number(String lessonTag) {
        return lessonTag.replace("lesson", "");
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
