package kit.instructor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gradescope's documented {@code results.json} format, as a check: every key the specification
 * names, with its type and allowed values, and nothing else. Source: "Autograder
 * Specifications", Output format (gradescope-autograders.readthedocs.io/en/latest/specs/):
 * <ul>
 *   <li>top level: {@code score} (number; required unless every test has one), {@code tests}
 *       (array; required if there is no top-level score), {@code execution_time} (number, s),
 *       {@code output}, {@code output_format}, {@code test_output_format},
 *       {@code test_name_format}, {@code visibility}, {@code stdout_visibility},
 *       {@code extra_data} (object), {@code leaderboard} (array of name and value);</li>
 *   <li>a test: {@code score}, {@code max_score} (numbers), {@code status} ("passed" or
 *       "failed"), {@code name}, {@code name_format}, {@code number}, {@code output},
 *       {@code output_format}, {@code tags} (strings), {@code visibility}, {@code extra_data}.</li>
 * </ul>
 * A format is one of text, html, simple_format, md, ansi; a visibility one of hidden,
 * after_due_date, after_published, visible.
 */
final class GradescopeSchema {
    static final Set<String> FORMATS = Set.of("text", "html", "simple_format", "md", "ansi");
    static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");
    private static final Set<String> TOP = Set.of("score", "execution_time", "output", "output_format",
            "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard");
    private static final Set<String> TEST = Set.of("score", "max_score", "status", "name", "name_format", "number",
            "output", "output_format", "tags", "visibility", "extra_data");

    private GradescopeSchema() {
    }

    /** What is wrong with {@code results} (a parsed results.json); empty if it is valid. */
    static List<String> problems(Object results) {
        List<String> problems = new ArrayList<>();
        if (!(results instanceof Map<?, ?> top)) {
            problems.add("results.json must be a JSON object");
            return problems;
        }
        unknownKeys(top, TOP, "", problems);
        number(top, "score", "", problems);
        number(top, "execution_time", "", problems);
        string(top, "output", "", problems);
        oneOf(top, "output_format", FORMATS, "", problems);
        oneOf(top, "test_output_format", FORMATS, "", problems);
        oneOf(top, "test_name_format", FORMATS, "", problems);
        oneOf(top, "visibility", VISIBILITIES, "", problems);
        oneOf(top, "stdout_visibility", VISIBILITIES, "", problems);
        object(top, "extra_data", "", problems);
        boolean everyTestScored = true;
        if (top.containsKey("tests")) {
            if (top.get("tests") instanceof List<?> tests) {
                for (int i = 0; i < tests.size(); i++) {
                    everyTestScored &= test(tests.get(i), "tests[" + i + "].", problems);
                }
            } else {
                problems.add("tests must be an array");
            }
        } else if (!top.containsKey("score")) {
            problems.add("results.json needs a top-level score or a tests array");
        }
        if (!top.containsKey("score") && !everyTestScored) {
            problems.add("without a top-level score, every test needs a score");
        }
        if (top.containsKey("leaderboard")) {
            leaderboard(top.get("leaderboard"), problems);
        }
        return problems;
    }

    /** Checks one test; true if it carries a score. */
    private static boolean test(Object value, String where, List<String> problems) {
        if (!(value instanceof Map<?, ?> test)) {
            problems.add(where + " must be an object");
            return false;
        }
        unknownKeys(test, TEST, where, problems);
        number(test, "score", where, problems);
        number(test, "max_score", where, problems);
        oneOf(test, "status", Set.of("passed", "failed"), where, problems);
        string(test, "name", where, problems);
        oneOf(test, "name_format", FORMATS, where, problems);
        string(test, "number", where, problems);
        string(test, "output", where, problems);
        oneOf(test, "output_format", FORMATS, where, problems);
        oneOf(test, "visibility", VISIBILITIES, where, problems);
        object(test, "extra_data", where, problems);
        if (test.containsKey("tags") && !(test.get("tags") instanceof List<?> tags
                && tags.stream().allMatch(t -> t instanceof String))) {
            problems.add(where + "tags must be an array of strings");
        }
        return test.containsKey("score");
    }

    private static void leaderboard(Object value, List<String> problems) {
        if (!(value instanceof List<?> entries)) {
            problems.add("leaderboard must be an array");
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "leaderboard[" + i + "].";
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !(entry.get("name") instanceof String)
                    || !entry.containsKey("value")) {
                problems.add(where + " must be an object with a name and a value");
                continue;
            }
            oneOf(entry, "order", Set.of("asc", "desc"), where, problems);
        }
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String where, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(key)) {
                problems.add(where + key + " is not a key Gradescope documents");
            }
        }
    }

    private static void number(Map<?, ?> map, String key, String where, List<String> problems) {
        if (map.containsKey(key) && !(map.get(key) instanceof BigDecimal)) {
            problems.add(where + key + " must be a number, not " + map.get(key));
        }
    }

    private static void string(Map<?, ?> map, String key, String where, List<String> problems) {
        if (map.containsKey(key) && !(map.get(key) instanceof String)) {
            problems.add(where + key + " must be a string");
        }
    }

    private static void object(Map<?, ?> map, String key, String where, List<String> problems) {
        if (map.containsKey(key) && !(map.get(key) instanceof Map)) {
            problems.add(where + key + " must be an object");
        }
    }

    private static void oneOf(Map<?, ?> map, String key, Set<String> allowed, String where, List<String> problems) {
        if (map.containsKey(key) && !allowed.contains(map.get(key))) {
            problems.add(where + key + " must be one of " + new java.util.TreeSet<>(allowed) + ", not " + map.get(key));
        }
    }
}
