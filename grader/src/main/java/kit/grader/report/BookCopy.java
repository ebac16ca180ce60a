package kit.grader.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kit.grader.scoring.Lesson;

/**
 * The part of the course book the report page links to, copied beside the page into
 * {@code book/}: the pages of the run's lessons ({@code book/lessonN.md}) and the figures they
 * show ({@code book/figures/}). Copies rather than links into the kit, so that every link of the
 * page holds wherever the reports folder is or goes ({@code -Dgrader.reports=DIR}, a CI
 * artifact, a regrade's folder per student). The folder is emptied first: it holds this run's
 * copies only.
 */
final class BookCopy {
    static final String FOLDER = "book";
    static final String FIGURES = "figures";

    private final Path copy;                          // <reports>/book
    private final Map<Lesson, List<BookPage.Figure>> figures;
    private final Set<Lesson> pages;                  // lessons whose page was copied
    private final Set<String> copiedFigures;          // file names in book/figures
    private final String missing;                     // why the book could not be read, or null

    private BookCopy(Path copy, Map<Lesson, List<BookPage.Figure>> figures, Set<Lesson> pages,
            Set<String> copiedFigures, String missing) {
        this.copy = copy;
        this.figures = figures;
        this.pages = pages;
        this.copiedFigures = copiedFigures;
        this.missing = missing;
    }

    /**
     * Copies the pages of {@code lessons} and their figures from {@code book} (the kit's
     * {@code src/site/markdown}, or null if unknown) into {@code reports/book}.
     */
    static BookCopy make(Path book, Path reports, Collection<Lesson> lessons) throws IOException {
        Path copy = reports.resolve(FOLDER);
        empty(copy);
        Map<Lesson, List<BookPage.Figure>> figures = new EnumMap<>(Lesson.class);
        Set<Lesson> pages = new HashSet<>();
        Set<String> copiedFigures = new HashSet<>();
        if (book == null || !Files.isDirectory(book)) {
            return new BookCopy(copy, figures, pages, copiedFigures, book == null
                    ? "the grader was not told where the book is"
                    : "this copy of the kit has no book in " + book.toAbsolutePath().normalize());
        }
        for (Lesson lesson : lessons) {
            Path page = book.resolve(pageName(lesson));
            if (!Files.isRegularFile(page)) {
                continue;
            }
            Files.createDirectories(copy.resolve(FIGURES));
            Files.copy(page, copy.resolve(pageName(lesson)), StandardCopyOption.REPLACE_EXISTING);
            pages.add(lesson);
            List<BookPage.Figure> shown = BookPage.figures(page);
            figures.put(lesson, shown);
            for (BookPage.Figure f : shown) {
                Path png = book.resolve(FIGURES).resolve(f.file());
                if (Files.isRegularFile(png)) {
                    Files.copy(png, copy.resolve(FIGURES).resolve(f.file()), StandardCopyOption.REPLACE_EXISTING);
                    copiedFigures.add(f.file());
                }
            }
        }
        return new BookCopy(copy, figures, pages, copiedFigures, null);
    }

    /** Why the book is not beside the page at all, if it is not. */
    Optional<String> missing() {
        return Optional.ofNullable(missing);
    }

    /** The figures the lesson's page shows, in page order; none if its page was not found. */
    List<BookPage.Figure> figures(Lesson lesson) {
        return figures.getOrDefault(lesson, List.of());
    }

    /** The link from the page to the copy of the lesson's book page, if it was copied. */
    Optional<String> pageLink(Lesson lesson) {
        return pages.contains(lesson) ? Optional.of(FOLDER + "/" + pageName(lesson)) : Optional.empty();
    }

    /** The link from the page to the copy of the book's figure {@code file}, if it was copied. */
    Optional<String> figureLink(String file) {
        return copiedFigures.contains(file) ? Optional.of(FOLDER + "/" + FIGURES + "/" + file) : Optional.empty();
    }

    /** The copied figure {@code file}, for its size. */
    Path figure(String file) {
        return copy.resolve(FIGURES).resolve(file);
    }

    static String pageName(Lesson lesson) {
        return lesson.tag() + ".md";
    }

    /** Removes the copies an earlier run left: the pages and figures only, never following a link. */
    private static void empty(Path copy) throws IOException {
        for (Path dir : List.of(copy.resolve(FIGURES), copy)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "{*.md,*.png}")) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
