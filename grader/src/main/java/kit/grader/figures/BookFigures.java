package kit.grader.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import kit.grader.figures.FigureIndex.Attempt;
import kit.grader.figures.FigureIndex.Drawn;
import kit.grader.figures.FigureIndex.Status;

/**
 * The book's figures: copies the figures the reference run drew into the book's folder, so that the
 * pages show what the reference learned. Run by {@code ./mvnw verify -Pkit,book -Djacoco.skip=true}
 * after the reference has scored full marks (add {@code -Dlesson=N} for one lesson).
 *
 * <pre>
 *   BookFigures FIGURES_DIR BOOK_DIR
 * </pre>
 *
 * Fails, copying nothing, unless every lesson whose figures were tried drew them.
 */
public final class BookFigures {
    private BookFigures() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BookFigures FIGURES_DIR BOOK_DIR");
        }
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        FigureIndex index = FigureIndex.read(from);
        if (index.attempts().isEmpty()) {
            throw new IllegalStateException("no figures were drawn in " + from + ": did the reference's tests run?");
        }
        for (Attempt a : index.attempts()) {
            if (a.status() != Status.DRAWN) {
                throw new IllegalStateException(a.lesson() + "'s figures were not drawn from the reference: "
                        + a.detail());
            }
        }
        Files.createDirectories(to);
        for (Drawn d : index.figures()) {
            Files.copy(from.resolve(d.file()), to.resolve(d.file()), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("book figure: " + to.resolve(d.file()).normalize());
        }
    }
}
