package kit.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a lesson's page in the course book shows, read from the page: each line
 * {@code ![alt](figures/lessonN-name.png)} gives the file and its alt text (what the figure
 * shows); the paragraph after it is its caption when it opens with a bold lead, as every figure's
 * does ({@code **What each model learned.** The colour is ...}).
 */
final class BookPage {
    private static final Pattern IMAGE = Pattern.compile("^!\\[(.*)]\\(figures/(lesson\\d+-[a-z0-9-]+\\.png)\\)\\s*$");

    /** One figure of the book: its file in the book's {@code figures/}, its alt text and its caption (Markdown, or ""). */
    record Figure(String file, String alt, String caption) {
    }

    private BookPage() {
    }

    /** The figures {@code page} shows, in page order; none if the page does not exist. */
    static List<Figure> figures(Path page) throws IOException {
        List<Figure> figures = new ArrayList<>();
        if (!Files.isRegularFile(page)) {
            return figures;
        }
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = IMAGE.matcher(lines.get(i));
            if (m.matches()) {
                figures.add(new Figure(m.group(2), m.group(1).strip(), captionAfter(lines, i + 1)));
            }
        }
        return figures;
    }

    /** The paragraph after line {@code from} (blank lines skipped) if it opens with a bold lead, else "". */
    private static String captionAfter(List<String> lines, int from) {
        int start = from;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start == lines.size() || !lines.get(start).startsWith("**")) {
            return "";
        }
        StringBuilder paragraph = new StringBuilder();
        for (int i = start; i < lines.size() && !lines.get(i).isBlank(); i++) {
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(lines.get(i).strip());
        }
        return paragraph.toString();
    }
}
