package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kit.core.NotImplementedYet;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;

/**
 * A made-up lesson for {@link GradingListenerTest}: one test of every kind of outcome. Its name
 * does not end in "Test", so Maven never runs it on its own.
 */
@Tag("lesson1")
class ScoringFixtures {

    @Test
    @Order(1)
    @Points(2)
    void passes() {
        assertThat(1 + 1).isEqualTo(2);
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("look at the sum")
    void fails() {
        assertThat(1 + 1).as("the sum").isEqualTo(3);
    }

    @Test
    @Order(3)
    @Points(1)
    void hits_a_stub() {
        throw new NotImplementedYet(1, "Thing.method", "do the thing");
    }

    @ParameterizedTest
    @Order(4)
    @Points(4)
    @ValueSource(ints = {1, 2, 3})
    void passes_two_cases_of_three(int n) {
        assertThat(n).isLessThan(3);
    }

    @Test
    @Order(5)
    void is_worth_nothing_and_fails() {
        assertThat(true).isFalse();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BrokenSetup {
        @BeforeAll
        void setUp() {
            throw new IllegalStateException("setup broke");
        }

        @Test
        @Points(5)
        void never_runs() {
        }
    }
}
