package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Gradescope's {@code run_autograder}, after the shell has found Java. Under the root
 * ({@code /autograder} on Gradescope, any folder in the kit's own tests):
 * <pre>
 *   ROOT/source/kit                     the kit, as the bundle carries it
 *   ROOT/source/autograder.properties   the bundle's settings (time limit, grader arguments)
 *   ROOT/submission                     the student's upload, in any of the accepted shapes
 *   ROOT/results/results.json           written here, always
 * </pre>
 * {@code Autograde ROOT --warm} (from {@code setup.sh}) instead grades the untouched stubs
 * online, so that Maven fetches everything once and every later grading runs offline.
 */
public final class Autograde {
    /** Where a Gradescope student finds figures: in their own copy; the grading's are not kept. */
    static final String FIGURES_ON_GRADESCOPE = "your own copy's grader/target/grader/figures when you run ./mvnw test";

    private Autograde() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Autograde ROOT [--warm]");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path kit = Kit.root(root.resolve("source").resolve("kit"));
        Properties bundle = Kit.properties(root.resolve("source").resolve("autograder.properties"));
        GradingOptions options = GradingOptions.from(bundle, kit);
        if (args.length > 1 && args[1].equals("--warm")) {
            warm(kit, options);
            return;
        }
        Grading.Settings settings = new Grading.Settings(kit, root.resolve("submission"), options, true);
        Path keep = Files.createTempDirectory("kit-autograde-");
        Results results;
        try {
            results = Grading.grade(settings, keep);
            results.replaceInOutput(keep.resolve("figures").toString(), FIGURES_ON_GRADESCOPE);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            results = Results.zero(Results.Status.ERROR, "The autograder failed on this submission (score 0): "
                    + e + ". Your instructor can see the details in its log.", 0);
        }
        Path out = root.resolve("results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.json"), results.render(), StandardCharsets.UTF_8);
        // Gradescope shows this output to the instructor only: the table, or the build's last lines.
        Path table = keep.resolve("table.txt");
        Path log = keep.resolve("log.txt");
        System.out.println(Files.isRegularFile(table) ? Files.readString(table, StandardCharsets.UTF_8)
                : Files.isRegularFile(log) ? tail(Files.readString(log, StandardCharsets.ISO_8859_1)) : "");
        System.out.println("status: " + results.status().label + ", score " + results.score().toPlainString());
        Kit.delete(keep);
    }

    /** Grades the stubs with Maven online: fills the local repository for offline gradings. */
    private static void warm(Path kit, GradingOptions options) throws Exception {
        GradingOptions longer = new GradingOptions(options.timeout().multipliedBy(2), options.seed(), options.assigned(),
                options.mavenHeap(), options.testHeap(), options.graderArgs());
        Grading.Settings settings = new Grading.Settings(kit, null, longer, false);
        Path keep = Files.createTempDirectory("kit-warm-");
        Results results = Grading.grade(settings, keep);
        String log = Files.readString(keep.resolve("log.txt"), StandardCharsets.ISO_8859_1);
        Kit.delete(keep);
        if (results.status() != Results.Status.GRADED) {
            System.out.println(tail(log));
            throw new IllegalStateException("warming up failed: grading the untouched stubs ended with status "
                    + results.status().label + " (see the build's last lines above)");
        }
        System.out.println("warmed up: the stubs graded online, score " + results.score().toPlainString()
                + "; gradings now run offline");
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
