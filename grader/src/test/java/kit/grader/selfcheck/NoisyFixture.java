package kit.grader.selfcheck;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.scoring.Points;

/** For {@link CappedOutputTest}; not run by Maven on its own (the name does not end in "Test"). */
@Tag("lesson1")
class NoisyFixture {

    @Test
    @Points(1)
    void prints_a_megabyte() {
        String line = "x".repeat(1023);
        for (int i = 0; i < 1024; i++) {
            System.out.println(line);
        }
    }
}
