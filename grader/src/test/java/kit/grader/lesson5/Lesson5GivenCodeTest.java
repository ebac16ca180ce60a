package kit.grader.lesson5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Parameter;
import kit.lesson1.Sgd;
import kit.lesson5.DelayedRecall;
import kit.lesson5.GradientClipping;
import kit.lesson5.GradientReach;
import kit.lesson5.LastStep;
import kit.lesson5.RNN;
import kit.lesson5.RNNCell;
import kit.lesson5.SequenceClassifier;
import kit.lesson5.StepGradients;
import kit.lesson5.TextDemo;

/**
 * Lesson 5's given code (not graded, so it holds on the stubs too): bad shapes are named before any
 * student code runs, and the data and the models the experiments rest on are what the book says.
 */
@Tag("library")
@DisplayName("Lesson 5: bad input is named, given code is right")
class Lesson5GivenCodeTest {

    @Test
    void a_cell_names_the_lengths_it_got_and_the_ones_it_needs() {
        RNNCell cell = new RNNCell(3, 4, new Random(1));
        assertThat(new int[] {cell.inputSize(), cell.hiddenSize()}).containsExactly(3, 4);
        assertThat(cell.parameters()).hasToString("[W_xh[4, 3], W_hh[4, 4], b[4]]");
        assertThatThrownBy(() -> cell.step(new double[2], new double[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RNNCell.step input x_t (in = 3) has length 2");
        assertThatThrownBy(() -> cell.step(new double[3], new double[5]))
                .hasMessageContaining("RNNCell.step state h_{t-1} (hidden = 4) has length 5");
        assertThatThrownBy(() -> cell.backward(new double[3], new double[4], new double[4], new double[3]))
                .hasMessageContaining("RNNCell.backward dL/dh_t (hidden = 4) has length 3");
        assertThatThrownBy(() -> cell.backward(new double[3], new double[4], null, new double[4]))
                .hasMessageContaining("RNNCell.backward state h_t (hidden = 4) is null");
        assertThatThrownBy(() -> new RNNCell(0, 4, new Random(1))).hasMessageContaining("in = 0");
        assertThatThrownBy(() -> new StepGradients(null, new double[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_cells_init_is_the_original_courses() {
        RNNCell cell = new RNNCell(4, 9, new Random(2));
        for (double[] row : cell.inputWeights()) {
            for (double w : row) {
                assertThat(Math.abs(w)).isLessThanOrEqualTo(0.5);
            }
        }
        for (double[] row : cell.recurrentWeights()) {
            for (double w : row) {
                assertThat(Math.abs(w)).isLessThanOrEqualTo(1.0 / 3);
            }
        }
        assertThat(cell.bias()).containsOnly(0.0);
    }

    @Test
    void the_recurrent_layer_names_the_sequence_shape_it_got_and_the_one_it_needs() {
        RNN rnn = new RNN(new RNNCell(3, 4, new Random(1)));
        assertThat(rnn.parameters()).hasSize(3);
        assertThatThrownBy(() -> rnn.forward(new double[5][2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RNN.forward input has shape 5 x 2 but expected T x 3 with T >= 1 (steps x in)");
        assertThatThrownBy(() -> rnn.forward(new double[0][3])).hasMessageContaining("shape 0 x 0");
        assertThatThrownBy(() -> rnn.forward(new double[][] {new double[3], new double[2]}))
                .hasMessageContaining("2 x ragged");
        assertThatThrownBy(() -> rnn.forward(null)).hasMessageContaining("is null");
        assertThatThrownBy(() -> rnn.run(new double[2][3], new double[3]))
                .hasMessageContaining("RNN.run start state h0 (hidden = 4) has length 3");
        assertThatThrownBy(() -> rnn.backward(new double[2][3], new double[4], new double[3][4], new double[2][4]))
                .hasMessageContaining("RNN.backward states has shape 3 x 4 but expected 2 x 4");
        assertThatThrownBy(() -> rnn.backward(new double[2][3], new double[4], new double[2][4], new double[2][3]))
                .hasMessageContaining("RNN.backward dL/dh has shape 2 x 3 but expected 2 x 4");
        assertThatThrownBy(() -> new RNN(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void last_step_reads_the_last_row_and_sends_the_gradient_back_to_it_alone() {
        LastStep last = new LastStep(2);
        var pass = last.forward(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThat(pass.output()).containsExactly(5, 6);
        assertThat(pass.backward(new double[] {7, 8})).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}, {7, 8}});
        assertThatThrownBy(() -> pass.backward(new double[3])).hasMessageContaining("LastStep.backward dL/dy (width = 2)");
        assertThatThrownBy(() -> last.forward(new double[2][3])).hasMessageContaining("expected T x 2");
        assertThatThrownBy(() -> new LastStep(0)).hasMessageContaining("width = 0");
    }

    @Test
    void delayed_recall_puts_the_bit_first_and_zero_filler_after_it() {
        DelayedRecall data = new DelayedRecall(3, 50, new Random(3));
        assertThat(data.lag()).isEqualTo(3);
        assertThat(data.size()).isEqualTo(50);
        int ones = 0;
        for (int n = 0; n < 50; n++) {
            int bit = data.bit(n);
            ones += bit;
            assertThat(data.inputs().get(n)).isDeepEqualTo(DelayedRecall.sequence(bit, 3));
            assertThat(data.targets()[n]).containsExactly(bit == 0 ? new double[] {1, 0} : new double[] {0, 1});
        }
        assertThat(ones).as("coin flips").isBetween(10, 40);
        assertThat(DelayedRecall.sequence(1, 2)).isDeepEqualTo(new double[][] {{0, 1}, {0, 0}, {0, 0}});
        assertThatThrownBy(() -> DelayedRecall.sequence(2, 2)).hasMessageContaining("bit = 2");
        assertThatThrownBy(() -> new DelayedRecall(-1, 5, new Random(1))).hasMessageContaining("lag = -1");
    }

    @Test
    void the_classifier_has_the_parameters_the_book_counts() {
        SequenceClassifier model = new SequenceClassifier(2, 8, 2, new Random(4));
        // hidden (in + hidden + 1) + (hidden + 1) classes = 8 * 11 + 9 * 2
        assertThat(model.network().parameterCount()).isEqualTo(106);
        assertThat(model.cell().hiddenSize()).isEqualTo(8);
    }

    @Test
    void clipping_refuses_a_threshold_that_is_not_positive_and_finite() {
        assertThatThrownBy(() -> new GradientClipping(0, new Sgd(0.1))).hasMessageContaining("threshold is 0");
        assertThatThrownBy(() -> new GradientClipping(Double.POSITIVE_INFINITY, new Sgd(0.1)))
                .hasMessageContaining("positive and finite");
        assertThatThrownBy(() -> new GradientClipping(1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientClipping.clip(null, 1)).isInstanceOf(IllegalArgumentException.class);
        List<Parameter> none = List.of();
        assertThatThrownBy(() -> GradientClipping.clip(none, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void gradient_reach_names_the_lengths_it_got() {
        RNNCell cell = new RNNCell(2, 3, new Random(5));
        assertThatThrownBy(() -> GradientReach.norms(cell, new double[4][2], new double[2]))
                .hasMessageContaining("GradientReach.norms dL/dh_{T-1} (hidden = 3) has length 2");
    }

    @Test
    void the_text_demo_learns_a_short_periodic_text_and_samples_from_its_characters() {
        Random rng = new Random(6);
        TextDemo demo = new TextDemo("abcd".repeat(30), 8, rng);
        assertThat(demo.vocabulary()).isEqualTo(4);
        GradientClipping optimizer = new GradientClipping(5, new Sgd(0.5));
        double first = demo.trainEpoch(8, optimizer, rng);
        double last = first;
        for (int epoch = 0; epoch < 30; epoch++) {
            last = demo.trainEpoch(8, optimizer, rng);
        }
        assertThat(last).as("loss after 31 epochs, against %.3f after one", first).isLessThan(first / 2);
        String sample = demo.sample("ab", 20, rng);
        assertThat(sample).hasSize(22).startsWith("ab").matches("[abcd]+");
        assertThat(TextDemo.ALICE).startsWith("Alice was beginning").hasSize(1326);
        assertThatThrownBy(() -> demo.sample("x", 3, rng)).hasMessageContaining("only the text's characters");
        assertThatThrownBy(() -> demo.trainEpoch(0, optimizer, rng)).hasMessageContaining("chunks of 0");
        assertThatThrownBy(() -> new TextDemo("a", 4, rng)).hasMessageContaining("at least 2 characters");
    }
}
