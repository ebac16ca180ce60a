package kit.grader.figures;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import kit.core.NotImplementedYet;
import kit.grader.figures.FigureIndex.Attempt;
import kit.grader.figures.FigureIndex.Drawn;
import kit.grader.figures.FigureIndex.Status;

/**
 * Where one lesson's figures go: {@link #write} draws a figure as {@code lessonN-name.png} in the
 * run's figures folder and lists it in the manifest ({@link FigureIndex}).
 *
 * <p>{@link #drawLesson} runs a lesson's drawing on a thread of its own with a time budget, and
 * turns whatever happens into an {@link Attempt}: a stub that is not started means no figure; any
 * other failure, a machine without fonts or a drawing that takes too long is noted, never thrown.
 */
public final class FigureFolder {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A lesson's drawing: trains what it needs, from the library under test, and writes figures. */
    @FunctionalInterface
    public interface Drawing {
        void draw(FigureFolder folder) throws Exception;
    }

    static {
        System.setProperty("java.awt.headless", "true");   // before a lesson's drawing first touches AWT
    }

    private final Path folder;
    private final String lesson;       // "lesson1"
    private volatile int written;   // only the drawing thread writes it
    private volatile boolean closed;

    FigureFolder(Path folder, String lesson) {
        this.folder = folder;
        this.lesson = lesson;
    }

    /** The run's figures folder, {@code <grader.reports>/figures} (by default {@code target/grader/figures}). */
    public static Path ofThisRun() {
        return Path.of(System.getProperty("grader.reports", "target/grader")).resolve(FigureIndex.FOLDER);
    }

    /**
     * Draws {@code figure} into {@code lessonN-name.png}, {@code name} in lower case words joined by
     * hyphens (such as {@code xor-boundaries}); returns the file.
     */
    public Path write(String name, Figure figure) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("FigureFolder.write: name \"" + name
                    + "\" must be lower-case words joined by hyphens, such as xor-boundaries");
        }
        if (closed) {
            throw new IllegalStateException("FigureFolder.write: " + lesson + "'s drawing ran out of time");
        }
        var cannot = Png.cannotDraw();   // asked at the first figure: a stub never pays for starting the fonts
        if (cannot.isPresent()) {
            throw new CannotDraw(cannot.get());
        }
        Files.createDirectories(folder);
        String file = lesson + "-" + name + ".png";
        Path path = folder.resolve(file);
        Png.write(figure, path);
        FigureIndex.recordFigure(folder, new Drawn(lesson, file, figure.width(), figure.height(),
                figure.title().isEmpty() ? file : figure.title()));
        written++;
        return path;
    }

    /**
     * Runs {@code drawing} for {@code lesson} (a tag such as {@code lesson1}) into {@code folder},
     * giving up after {@code budget}; records and returns how it went.
     */
    public static Attempt drawLesson(String lesson, Path folder, Duration budget, Drawing drawing) {
        long start = System.nanoTime();
        Attempt attempt = attempt(lesson, folder, budget, drawing, start);
        try {
            FigureIndex.recordAttempt(folder, attempt);
        } catch (IOException e) {
            System.err.println("grader: could not record " + lesson + "'s figures in " + folder + ": " + e);
        }
        return attempt;
    }

    private static Attempt attempt(String lesson, Path folder, Duration budget, Drawing drawing, long start) {
        FigureFolder out = new FigureFolder(folder, lesson);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpuNanos = {-1};
        FutureTask<Void> task = new FutureTask<>(() -> {
            long cpuStart = threads.getCurrentThreadCpuTime();
            try {
                drawing.draw(out);
            } finally {
                cpuNanos[0] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            return null;
        });
        Thread worker = new Thread(task, "figures-" + lesson);
        worker.setDaemon(true);
        worker.start();
        String problem = null;
        boolean stub = false;
        try {
            task.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CannotDraw cannot) {
                return new Attempt(lesson, Status.SKIPPED, 0, 0, cannot.getMessage());
            }
            NotImplementedYet notStarted = notStarted(e.getCause());
            stub = notStarted != null;
            problem = stub ? notStarted.method() + " is not started" : describe(e.getCause());
        } catch (TimeoutException e) {
            out.closed = true;
            worker.interrupt();
            problem = "gave up after " + budget.toMillis() / 1000.0 + " s";
        } catch (InterruptedException e) {
            out.closed = true;
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = cpuNanos[0] < 0 ? -1 : cpuNanos[0] / 1_000_000;
        if (out.written > 0) {
            return new Attempt(lesson, Status.DRAWN, millis, cpuMillis, out.written + " figures"
                    + (problem == null ? "" : ", then " + problem));
        }
        if (problem == null) {
            return new Attempt(lesson, Status.NOT_DRAWN, millis, cpuMillis, "the lesson drew nothing");
        }
        return new Attempt(lesson, stub ? Status.NOT_STARTED : Status.NOT_DRAWN, millis, cpuMillis, problem);
    }

    /** This machine cannot draw text, so no figure can be drawn. */
    static final class CannotDraw extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CannotDraw(String reason) {
            super(reason, null, false, false);
        }
    }

    static NotImplementedYet notStarted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof NotImplementedYet stub) {
                return stub;
            }
        }
        return null;
    }

    /** The exception's type and message and the first line of library code it passed through. */
    static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("kit.") && !frame.getClassName().startsWith("kit.grader.")) {
                return text + " at " + frame;
            }
        }
        return text;
    }
}
