package kit.grader.scoring;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The eight lessons, their titles in the score table and their pages in the course book. */
public enum Lesson {
    L1(1, "Foundations: XOR"),
    L2(2, "Output heads"),
    L3(3, "Convolution"),
    L4(4, "Fixed-window language model"),
    L5(5, "Recurrence"),
    L6(6, "Attention"),
    L7(7, "Attention is not flow"),
    L8(8, "REINFORCE");

    private final int number;
    private final String title;

    Lesson(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The JUnit tag of this lesson's tests, and the value of {@code -Dlesson}. */
    public String tag() {
        return "lesson" + number;
    }

    public String bookPage() {
        return "src/site/markdown/lesson" + number + ".md";
    }

    /** Lesson {@code number}, 1 to 8. */
    public static Lesson of(int number) {
        for (Lesson lesson : values()) {
            if (lesson.number == number) {
                return lesson;
            }
        }
        throw new IllegalArgumentException("no lesson " + number);
    }

    /**
     * The lessons an instructor assigned ({@code -Dgrader.assigned}): {@code all}, or lesson
     * numbers and ranges separated by commas or spaces, such as {@code 1-3,5}.
     */
    public static Set<Lesson> assigned(String spec) {
        String text = spec == null ? "" : spec.strip();
        if (text.isEmpty() || text.equals("all") || text.startsWith("${")) {
            return EnumSet.allOf(Lesson.class);
        }
        Set<Lesson> lessons = EnumSet.noneOf(Lesson.class);
        for (String part : text.split("[,\\s]+")) {
            String[] range = part.split("-", 2);
            try {
                int from = Integer.parseInt(range[0].strip());
                int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
                for (int n = from; n <= to; n++) {
                    lessons.add(of(n));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("grader.assigned must be \"all\" or lesson numbers such as 1-3,5 (1 to "
                        + values().length + "), not \"" + spec + "\"", e);
            }
        }
        return lessons;
    }

    public static Optional<Lesson> fromTag(String tag) {
        for (Lesson lesson : values()) {
            if (lesson.tag().equals(tag)) {
                return Optional.of(lesson);
            }
        }
        return Optional.empty();
    }
}
