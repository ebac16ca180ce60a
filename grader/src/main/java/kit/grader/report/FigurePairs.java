package kit.grader.report;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import kit.grader.figures.FigureIndex;
import kit.grader.figures.FigureIndex.Attempt;
import kit.grader.figures.FigureIndex.Drawn;
import kit.grader.figures.Png;
import kit.grader.scoring.Lesson;

/**
 * A lesson's figures on the report page: each figure its book page shows, the student's copy
 * (drawn from their code in this run) beside the book's (the reference's), with the book's
 * caption. Where the student's is missing, the book's stands alone and the page says why: the
 * code does not train yet, the drawing failed, the run drew no figures. A figure the student's
 * run drew that the book does not show comes last, alone.
 */
final class FigurePairs {
    private static final Pattern FILE = Pattern.compile("lesson\\d+-[a-z0-9-]+\\.png");

    private final Lesson lesson;
    private final BookCopy copy;
    private final Path figures;                 // <reports>/figures
    private final Map<String, Drawn> yours;     // by file name: this run's figures of the lesson that exist
    private final String missing;               // why the student's figures are missing, or null

    FigurePairs(Lesson lesson, boolean refused, FigureIndex index, BookCopy copy, Path reports) {
        this.lesson = lesson;
        this.copy = copy;
        this.figures = reports.resolve(FigureIndex.FOLDER);
        this.yours = new LinkedHashMap<>();
        for (Drawn d : index.figures()) {
            if (d.lesson().equals(lesson.tag()) && FILE.matcher(d.file()).matches()
                    && Files.isRegularFile(figures.resolve(d.file()))) {
                yours.put(d.file(), d);
            }
        }
        Optional<Attempt> attempt = index.attempts().stream().filter(a -> a.lesson().equals(lesson.tag())).findFirst();
        this.missing = refused ? "your code did not run: the submission was refused"
                : attempt.isEmpty() ? "this run drew no figures of this lesson: they are drawn after the lesson's"
                        + " tests, when the whole lesson runs (not with -Dtest)"
                : why(attempt.get());
    }

    /** Why an attempt left figures missing, in the student's terms; null if it drew them all. */
    private static String why(Attempt a) {
        return switch (a.status()) {
            case DRAWN -> a.detail().contains(", then ") ? "your code's drawing stopped: " + a.detail() : null;
            case NOT_STARTED -> "your code does not train yet: " + a.detail();
            case NOT_DRAWN -> "your code could not draw them: " + a.detail();
            case SKIPPED -> "this machine cannot draw figures: " + a.detail();
        };
    }

    void render(StringBuilder s) {
        s.append("<h3>Figures</h3>\n<p class=\"figures-status\">");
        if (yours.isEmpty()) {
            s.append(ReportPage.state("not drawn")).append(" Your figures are missing, because ")
                    .append(Html.text(missing == null ? "your code drew none" : missing))
                    .append(". The book's are shown alone, to compare with once they are drawn.");
        } else {
            s.append("Left, drawn from your code in this run; right, the book's: the reference solution's, on the")
                    .append(" grader's default seed.")
                    .append(missing == null ? "" : " Some are missing: " + Html.text(missing) + ".");
        }
        s.append("</p>\n");
        int number = 0;
        for (BookPage.Figure f : copy.figures(lesson)) {
            number++;
            s.append("<figure class=\"pair\" id=\"").append(Html.text(f.file().replace(".png", ""))).append("\">\n");
            yours(s, f.file());
            book(s, f);
            s.append("<figcaption><span class=\"number\">Figure ").append(lesson.number()).append('.').append(number)
                    .append("</span> ").append(f.caption().isEmpty() ? Html.text(f.alt()) : Html.inline(f.caption()))
                    .append("</figcaption>\n</figure>\n");
        }
        for (Drawn d : yours.values()) {
            if (copy.figures(lesson).stream().noneMatch(f -> f.file().equals(d.file()))) {
                s.append("<figure class=\"pair\">\n");
                yours(s, d.file());
                missingSide(s, "The book (the reference)", "The book's page shows no copy of this figure.",
                        size(figures.resolve(d.file())));
                s.append("<figcaption>").append(Html.text(d.title())).append("</figcaption>\n</figure>\n");
            }
        }
        if (copy.figures(lesson).isEmpty() && yours.isEmpty()) {
            s.append("<p>No figures to show: the book's page for this lesson was not found beside the page.</p>\n");
        }
    }

    private void yours(StringBuilder s, String file) {
        Drawn d = yours.get(file);
        if (d == null) {
            missingSide(s, "Your code", ReportPage.state("not drawn") + " "
                    + Html.text(missing == null ? "your code's drawing left this figure out" : missing),
                    size(copy.figure(file)));
            return;
        }
        image(s, "Your code", FigureIndex.FOLDER + "/" + file, "Drawn from your code: " + d.title(), size(figures.resolve(file)));
    }

    private void book(StringBuilder s, BookPage.Figure f) {
        Optional<String> link = copy.figureLink(f.file());
        if (link.isEmpty()) {
            missingSide(s, "The book (the reference)", "The book's copy of this figure, " + Html.text(f.file())
                    + ", is not in this copy of the kit.", size(figures.resolve(f.file())));
            return;
        }
        String alt = f.alt().isEmpty() ? "The book's copy of " + f.file() : f.alt();
        image(s, "The book (the reference)", link.get(), alt, size(copy.figure(f.file())));
    }

    /** A side without its image: a box of the image's shape (if known) that says why, in {@code html}. */
    private static void missingSide(StringBuilder s, String label, String html, Optional<Dimension> size) {
        s.append("<div class=\"side\"><p class=\"label\">").append(label).append("</p><div class=\"missing\"")
                .append(size.map(z -> " style=\"aspect-ratio: " + z.width + " / " + z.height + "\"").orElse(""))
                .append("><p>").append(html).append("</p></div></div>\n");
    }

    private static void image(StringBuilder s, String label, String link, String alt, Optional<Dimension> size) {
        s.append("<div class=\"side\"><p class=\"label\">").append(label).append("</p><a href=\"").append(Html.text(link))
                .append("\"><img src=\"").append(Html.text(link)).append("\" alt=\"").append(Html.text(alt)).append('"')
                .append(size.map(z -> " width=\"" + z.width + "\" height=\"" + z.height + "\"").orElse(""))
                .append("></a></div>\n");
    }

    private static Optional<Dimension> size(Path png) {
        try {
            return Files.isRegularFile(png) ? Optional.of(Png.size(png)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
