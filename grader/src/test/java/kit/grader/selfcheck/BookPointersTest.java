package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every "Book:" pointer in the library's Javadoc, {@code src/site/markdown/lessonN.md, "Heading"},
 * names a page that exists and a heading that page has, so pointers cannot rot as the book changes.
 */
@Tag("selfcheck")
@DisplayName("Book pointers")
class BookPointersTest {
    private static final Pattern POINTER = Pattern.compile(
            "src/site/markdown/([a-z0-9]+\\.md)\\}?,? ?\\(?((?:\"[^\"]+\"(?:,? (?:and )?)?)+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void every_book_pointer_in_the_library_names_a_heading_of_its_page() throws IOException {
        Path root = root();
        List<String> broken = new ArrayList<>();
        int pointers = 0;
        try (Stream<Path> files = Files.walk(root.resolve("exercises/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher m = POINTER.matcher(text);
                while (m.find()) {
                    Path page = root.resolve("src/site/markdown").resolve(m.group(1));
                    Set<String> headings = headings(page);
                    Matcher q = QUOTED.matcher(m.group(2));
                    while (q.find()) {
                        pointers++;
                        if (!headings.contains(q.group(1))) {
                            broken.add(root.relativize(file) + ": " + m.group(1) + ", \"" + q.group(1) + "\""
                                    + (headings.isEmpty() ? " (no such page)" : " (no such heading)"));
                        }
                    }
                }
            }
        }
        assertThat(pointers).as("book pointers found").isGreaterThan(10);
        assertThat(broken).as("book pointers that name no heading").isEmpty();
    }

    private static Set<String> headings(Path page) throws IOException {
        Set<String> headings = new HashSet<>();
        if (!Files.exists(page)) {
            return headings;
        }
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("#")) {
                headings.add(line.replaceFirst("^#+\\s*", "").strip());
            }
        }
        return headings;
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
