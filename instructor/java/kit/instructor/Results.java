package kit.instructor;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One submission's Gradescope results, as the autograder hands them over: the grader's own
 * {@code results.json} when it wrote one, else one written here (score 0 and why: the compiler's
 * errors, the time limit, no library files found). Either way it carries the grading's status in
 * {@code extra_data.status} and a table-friendly {@code output_format}.
 */
final class Results {
    /** How a grading ended; the gradebook's status column. */
    enum Status {
        FULL_MARKS("full marks"), GRADED("graded"), REFUSED("refused"), COMPILE_ERROR("compile error"),
        TIMEOUT("timeout"), NO_FILES("no files"), ERROR("error");

        final String label;

        Status(String label) {
            this.label = label;
        }

        static Status of(String label) {
            for (Status s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            return ERROR;
        }
    }

    private static final Pattern LESSON_TAG = Pattern.compile("lesson(\\d+)");
    private static final Pattern LESSON_NUMBER = Pattern.compile("(\\d+)\\.\\d+");
    private static final Pattern LESSON_NAME = Pattern.compile("Lesson (\\d+)\\b.*");

    final Map<String, Object> json;

    private Results(Map<String, Object> json) {
        this.json = json;
    }

    /** Results written here, for a grading that produced none: score 0 and {@code output}. */
    static Results zero(Status status, String output, long seconds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", BigDecimal.ZERO);
        json.put("execution_time", BigDecimal.valueOf(seconds));
        json.put("output", output);
        json.put("output_format", "md");
        json.put("visibility", "visible");
        json.put("stdout_visibility", "hidden");
        json.put("tests", new java.util.ArrayList<>());
        Results r = new Results(json);
        r.status(status);
        return r;
    }

    /**
     * The grader's results, checked against Gradescope's schema. Its score table renders as a
     * table: if the grader set no {@code output_format}, its output becomes a Markdown code block.
     * {@code refused} says the grader's totals report a broken rule or changed given code.
     */
    static Results fromGrader(String text, boolean refused) {
        Object parsed = Json.parse(text);
        List<String> problems = GradescopeSchema.problems(parsed);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the grader's results.json breaks Gradescope's format: "
                    + String.join("; ", problems));
        }
        Results r = fromParsed(parsed);
        if (!r.json.containsKey("output_format") && r.json.get("output") instanceof String output) {
            r.json.put("output", codeBlock(output));
            r.json.put("output_format", "md");
        }
        r.status(refused ? Status.REFUSED : r.fullMarks() ? Status.FULL_MARKS : Status.GRADED);
        return r;
    }

    /** A results.json as it is, to read. */
    @SuppressWarnings("unchecked")
    static Results fromParsed(Object parsed) {
        return new Results((Map<String, Object>) parsed);
    }

    /** Adds a paragraph to the top-level output, in its format. */
    void addNote(String note) {
        if (note.isEmpty()) {
            return;
        }
        String output = json.get("output") instanceof String s ? s : "";
        boolean html = "html".equals(json.get("output_format"));
        String paragraph = html ? "<pre>" + note.replace("&", "&amp;").replace("<", "&lt;") + "</pre>" : note;
        json.put("output", output.isEmpty() ? paragraph : output.stripTrailing() + "\n\n" + paragraph);
    }

    Status status() {
        return json.get("extra_data") instanceof Map<?, ?> extra && extra.get("status") instanceof String s
                ? Status.of(s) : Status.ERROR;
    }

    void status(Status status) {
        record("status", status.label);
    }

    /** Records a value for the instructor in {@code extra_data} (Gradescope keeps it, students do not see it). */
    @SuppressWarnings("unchecked")
    void record(String key, String value) {
        Object extra = json.computeIfAbsent("extra_data", k -> new LinkedHashMap<String, Object>());
        ((Map<String, Object>) extra).put(key, value);
    }

    /** The seed the grading used, or "" if it never started. */
    String seed() {
        return json.get("extra_data") instanceof Map<?, ?> extra && extra.get("seed") instanceof String s ? s : "";
    }

    /** Replaces {@code text} wherever the top-level output shows it. */
    void replaceInOutput(String text, String replacement) {
        if (json.get("output") instanceof String output) {
            json.put("output", output.replace(text, replacement));
        }
    }

    /** The overall score: the top-level one, else the sum over the tests. */
    BigDecimal score() {
        if (json.get("score") instanceof BigDecimal score) {
            return score;
        }
        return tests().stream().map(t -> number(t.get("score"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Points per lesson (by each test's tag lessonN, number N.k or name "Lesson N ..."). */
    Map<Integer, BigDecimal> pointsPerLesson() {
        Map<Integer, BigDecimal> points = new TreeMap<>();
        for (Map<?, ?> test : tests()) {
            Integer lesson = lessonOf(test);
            if (lesson != null) {
                points.merge(lesson, number(test.get("score")), BigDecimal::add);
            }
        }
        return points;
    }

    String render() {
        return Json.write(json);
    }

    /** The sum of the tests' maximum scores. */
    BigDecimal maxScore() {
        return tests().stream().map(t -> number(t.get("max_score"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private boolean fullMarks() {
        return maxScore().signum() > 0 && score().compareTo(maxScore()) == 0;
    }

    /** The top-level output and every test's, one after another. */
    String allOutput() {
        StringBuilder all = new StringBuilder(String.valueOf(json.get("output")));
        for (Map<?, ?> test : tests()) {
            all.append('\n').append(test.get("output"));
        }
        return all.toString();
    }

    private List<Map<?, ?>> tests() {
        return json.get("tests") instanceof List<?> tests
                ? tests.stream().filter(t -> t instanceof Map).<Map<?, ?>>map(t -> (Map<?, ?>) t).toList() : List.of();
    }

    private static Integer lessonOf(Map<?, ?> test) {
        if (test.get("tags") instanceof List<?> tags) {
            for (Object tag : tags) {
                Matcher m = LESSON_TAG.matcher(String.valueOf(tag));
                if (m.matches()) {
                    return Integer.valueOf(m.group(1));
                }
            }
        }
        for (Object[] field : new Object[][] {{test.get("number"), LESSON_NUMBER}, {test.get("name"), LESSON_NAME}}) {
            if (field[0] instanceof String s) {
                Matcher m = ((Pattern) field[1]).matcher(s);
                if (m.matches()) {
                    return Integer.valueOf(m.group(1));
                }
            }
        }
        return null;
    }

    private static BigDecimal number(Object value) {
        return value instanceof BigDecimal d ? d : BigDecimal.ZERO;
    }

    static String codeBlock(String text) {
        return "```\n" + text.stripTrailing() + "\n```";
    }
}
