package kit.grader.figures;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Empties the figures folder when a run starts, so that it holds this run's figures only (a stub
 * must not sit next to the picture an earlier run drew). Registered through
 * {@code META-INF/services}; removes only PNG files and the manifest.
 */
public final class FreshFolder implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        empty(FigureFolder.ofThisRun());
    }

    /** Removes the PNG files and the manifest from {@code folder}, if it exists; leaves anything else. */
    public static void empty(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "{*.png,*.partial," + FigureIndex.MANIFEST + "}")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("grader: could not empty the figures folder " + folder + ": " + e);
        }
    }
}
