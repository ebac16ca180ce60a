package kit.grader.scoring;

import java.util.Optional;

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

    public static Optional<Lesson> fromTag(String tag) {
        for (Lesson lesson : values()) {
            if (lesson.tag().equals(tag)) {
                return Optional.of(lesson);
            }
        }
        return Optional.empty();
    }
}
