package kit.grader.scoring;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test JVM records, one line per event, flushed at once so that a JVM that dies leaves
 * everything up to its death: the plan (every test it will run, with its lesson, points and
 * hint), each start, each result, the library methods a test left running (or where it ran out
 * of memory) before the JVM stopped itself, and, if it ends normally, "done". The grading process reads it
 * back; it never trusts anything else from the test JVM.
 *
 * <p>A line is tab-separated fields, each with backslash, tab and newline escaped.
 */
public final class Journal implements AutoCloseable {
    static final String PLAN = "plan";
    static final String START = "start";
    static final String RESULT = "result";
    static final String RUNNING = "running";
    static final String DONE = "done";

    private final BufferedWriter out;

    Journal(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** One unit the run will grade: lesson 0 for a test worth no points. */
    void plan(String id, int lesson, int points, String name, String testClass, String method, String hint) {
        write(PLAN, id, String.valueOf(lesson), String.valueOf(points), name, testClass, method, hint);
    }

    void start(String id) {
        write(START, id);
    }

    void result(String id, Outcome outcome, String message, String stub, String stubHint) {
        write(RESULT, id, outcome.name(), message, stub, stubHint);
    }

    void done() {
        write(DONE);
    }

    synchronized void write(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(escape(fields[i]));
            }
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** The complete lines of {@code file}, each split into its fields; a torn last line is dropped. */
    public static List<String[]> read(Path file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return lines;
        }
        for (String line : text.substring(0, end).split("\n", -1)) {
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = unescape(fields[i]);
            }
            lines.add(fields);
        }
        return lines;
    }

    static String escape(String s) {
        return (s == null ? "" : s).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
