package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** No file of the kit holds a merge left unresolved (a CI script once did, and could not run). */
@Tag("selfcheck")
@DisplayName("No unresolved merges")
class NoMergeMarkersTest {

    @Test
    void no_file_of_the_kit_holds_a_conflict_marker() throws IOException {
        Path root = root();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(NoMergeMarkersTest::isSource).toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.startsWith("<<<<<<< ") || line.startsWith(">>>>>>> ")) {
                        found.add(root.relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(found).as("lines that start a merge conflict").isEmpty();
    }

    private static boolean isSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return !path.contains("/target/") && !path.contains("/.git/") && !path.endsWith(".png")
                && !path.endsWith(".jar");
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("src/site/markdown")) && Files.isDirectory(p.resolve("exercises"))) {
                return p;
            }
        }
        throw new IllegalStateException("no kit root above " + Path.of("").toAbsolutePath());
    }
}
