package kit.grader.scoring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The course's hint level, {@code hints} in {@code course.properties} at the kit's root, applied to
 * a run: at {@code book} a failure shows no equation, only the book page that derives it; at
 * {@code equation} (the default) and {@code pseudocode} it shows the test's key equation. How much
 * a stub shows is decided when the exercises are generated ({@code GenerateExercises}, which reads
 * the same setting).
 */
public final class Hints {
    /** The settings file and the setting, as {@code GenerateExercises} reads them. */
    public static final String SETTINGS = "course.properties";
    public static final String SETTING = "hints";
    private static final List<String> LEVELS = List.of("book", "equation", "pseudocode");

    private Hints() {
    }

    /**
     * The level set in the nearest {@code course.properties} at or above {@code start}, lower case;
     * {@code equation} if there is none. Throws, naming the file, for a value that is no level.
     */
    public static String level(Path start) throws IOException {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            Path file = p.resolve(SETTINGS);
            if (Files.exists(file)) {
                Properties settings = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    settings.load(in);
                }
                String level = settings.getProperty(SETTING, "equation").strip().toLowerCase(java.util.Locale.ROOT);
                if (!LEVELS.contains(level)) {
                    throw new IllegalArgumentException(file + ": " + SETTING + " = " + level
                            + " is not a hint level; use book, equation or pseudocode");
                }
                return level;
            }
        }
        return "equation";
    }

    /** Shows or withholds every failure's key equation, as {@code level} says. */
    public static void apply(Gradebook book, String level) {
        for (GradedTest t : book.graded()) {
            t.showEquation(!level.equals("book"));
        }
    }
}
