package kit.instructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiler's errors in a Maven log, javac-style and relative to the kit's root:
 * {@code exercises/src/main/java/kit/lesson1/Linear.java:52:16: illegal start of expression},
 * followed by javac's detail lines (symbol, location). Maven prints each error twice (once
 * without its details); each is kept once, with the details.
 */
final class CompilerErrors {
    private static final Pattern ERROR = Pattern.compile("^\\[ERROR\\] (.+\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
    private static final Pattern DETAIL = Pattern.compile("^\\[ERROR\\] {2,}(\\S.*)$");
    /** javac's own format, as a tool that calls the compiler itself prints it: {@code File.java:52: message}. */
    private static final Pattern PLAIN = Pattern.compile("^\\s*(\\S+?\\.java):(\\d+): (?!warning: )(?:error: )?(.*)$");
    private static final Pattern PLAIN_DETAIL = Pattern.compile("^\\s+((?:symbol|location|required|found|reason):.*)$");

    /** One error: where, what, and javac's detail lines. */
    record Error(String file, int line, int column, String message, List<String> details) {
        String render() {
            StringBuilder s = new StringBuilder(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
            details.forEach(d -> s.append("\n    ").append(d));
            return s.toString();
        }

        /** True if the error is in the grader's tests, not in the student's library. */
        boolean inGrader() {
            return !file.startsWith(Kit.LIBRARY.toString().replace('\\', '/') + "/");
        }
    }

    private CompilerErrors() {
    }

    /** The errors in {@code log}, in the order the compiler reported them. */
    static List<Error> in(String log, String kitRoot) {
        Map<String, Error> errors = new LinkedHashMap<>();
        Error current = null;
        for (String line : log.split("\r?\n")) {
            Matcher m = ERROR.matcher(line);
            Matcher plain = PLAIN.matcher(line);
            if (m.matches() || plain.matches()) {
                String file = relative(m.matches() ? m.group(1) : plain.group(1), kitRoot);
                int row = Integer.parseInt(m.matches() ? m.group(2) : plain.group(2));
                int column = m.matches() ? Integer.parseInt(m.group(3)) : 0;
                String message = m.matches() ? m.group(4) : plain.group(3);
                String key = file + ":" + row + ":" + column + ": " + message;
                current = errors.get(key);
                if (current == null) {
                    current = new Error(file, row, column, message, new ArrayList<>());
                    errors.put(key, current);
                } else {
                    current.details().clear();
                }
                continue;
            }
            Matcher d = DETAIL.matcher(line);
            if (!d.matches()) {
                d = PLAIN_DETAIL.matcher(line);
            }
            if (current != null && d.matches()) {
                current.details().add(d.group(1).replaceAll("\\s+", " "));
            } else {
                current = null;
            }
        }
        return new ArrayList<>(errors.values());
    }

    private static String relative(String path, String kitRoot) {
        String p = path.replace('\\', '/');
        String root = kitRoot.replace('\\', '/');
        if (!root.endsWith("/")) {
            root += "/";
        }
        return p.startsWith(root) ? p.substring(root.length()) : p;
    }
}
