package kit.grader.lesson5;

import static kit.grader.check.GradientAssert.assertThatGradient;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson5.LastStep;
import kit.lesson5.RNN;

/**
 * The recurrent layer with a reader of its last state, as the delayed-recall model uses it: the
 * layers' contract, and the gradient through the last state alone. Every test runs the student's
 * {@link RNN}, since {@link LastStep} itself is given code.
 */
@Tag("lesson5")
@Order(3)
@DisplayName("RNN then LastStep")
class LastStepTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("forward must not write into the sequence and must return a last state the caller may change")
    void forward_leaves_its_input_untouched_and_returns_a_fresh_array() {
        Random rng = new Random(Seeds.seed(541));
        Contract.assertForward("RNN then LastStep", "run", new RNN(Cells.randomCell(2, 3, rng)).then(new LastStep(3)),
                Cells.uniform(4, 2, rng));
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("backward must return a new dL/dx and never write into dL/dh; only the last state receives dL/dy")
    void backward_leaves_dL_dy_untouched_and_returns_a_fresh_array() {
        Random rng = new Random(Seeds.seed(542));
        Contract.assertBackward("RNN then LastStep", "backward",
                new RNN(Cells.randomCell(2, 3, rng)).then(new LastStep(3)), Cells.uniform(4, 2, rng), Seeds.seed(542));
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("with dL/dh_t = 0 for t < T-1 the gradient of every earlier input comes through the carried dL/dh alone")
    void dx_through_the_last_state_alone_matches_the_numeric_gradient() {
        Backprops.BPTT.require();
        Random rng = new Random(Seeds.seed(543));
        assertThatGradient(GradientCheck.ofLayer("RNN(2 -> 3) then LastStep, T = 5",
                new RNN(Cells.randomCell(2, 3, rng)).then(new LastStep(3)), Cells.uniform(5, 2, rng), Seeds.seed(543))
                .input()).matchesNumeric();
    }
}
