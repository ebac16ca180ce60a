package kit.grader.lesson6;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Parameter;
import kit.grader.check.Contract;
import kit.grader.check.Seeds;
import kit.lesson6.Adam;
import kit.lesson6.Attention;
import kit.lesson6.Block;
import kit.lesson6.Embeddings;
import kit.lesson6.FlattenSequence;
import kit.lesson6.LayerNorm;
import kit.lesson6.PointerModels;
import kit.lesson6.PointerTask;
import kit.lesson6.Recipe;
import kit.lesson6.Transformer;

/**
 * Lesson 6's given code (not graded, so it holds on the stubs too): bad shapes are named before any
 * student code runs, and the data, the embeddings, the optimiser's schedule and the model's
 * plumbing the experiments rest on are right.
 */
@Tag("library")
@DisplayName("Lesson 6: bad input is named, given code is right")
class Lesson6GivenCodeTest {

    @Test
    void the_pointer_task_holds_every_input_once_with_the_addressed_bit_as_its_answer() {
        assertThat(PointerTask.inputs()).hasSize(2048);
        // n = 0b10110100_101: memory 1 0 1 1 0 1 0 0, address 101 = 5, m_5 = 1
        int n = 0b10110100101;
        assertThat(PointerTask.address(n)).isEqualTo(5);
        assertThat(PointerTask.answer(n)).isEqualTo(1);
        assertThat(PointerTask.sequence(n)[0]).containsExactly(0, 1);
        assertThat(PointerTask.sequence(n)[1]).containsExactly(1, 0);
        assertThat(PointerTask.targets()[n]).containsExactly(0, 1);
        int ones = 0;
        for (int k = 0; k < 2048; k++) {
            ones += PointerTask.answer(k);
        }
        assertThat(ones).as("answers are balanced").isEqualTo(1024);
        assertThatThrownBy(() -> PointerTask.bit(2048, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input 2048");
    }

    @Test
    void the_layers_name_the_shape_they_got_and_the_one_they_need() {
        Random rng = new Random(Seeds.seed(1));
        assertThatThrownBy(() -> new LayerNorm(4).forward(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LayerNorm.forward input (d = 4) has length 3");
        assertThatThrownBy(() -> new LayerNorm(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d = 1");
        Attention attention = new Attention(4, true, rng);
        assertThat(attention.width()).isEqualTo(4);
        assertThat(attention.causal()).isTrue();
        assertThatThrownBy(() -> attention.forward(new double[][] {{1, 2, 3, 4}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has shape 2 x ragged");
        assertThatThrownBy(() -> attention.forward(new double[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has shape 0 x 0 but expected T x 4 with T >= 1");
        assertThatThrownBy(() -> attention.weights(new double[2][4], new double[3][4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has shape 3 x 4 but expected 2 x 4");
        assertThatThrownBy(() -> new Attention(0, false, rng)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Block(4, 0, false, rng)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("f = 0");
        assertThatThrownBy(() -> new Embeddings(2, 3, 4, rng).forward(new double[4][2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3 positions");
        assertThatThrownBy(() -> new Embeddings(0, 3, 4, rng)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlattenSequence(3, 2).forward(new double[2][2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rows but expected 3");
        assertThatThrownBy(() -> new FlattenSequence(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Transformer(2, 5, 4, 6, -1, false, 2, rng)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recipe(0, 16, 1e-3, 0, 0.99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adam(0, 0, 1, 0.9, 0.99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void embeddings_add_the_token_row_and_the_position_row_and_flatten_keeps_the_order() {
        Embeddings embeddings = new Embeddings(2, 3, 2, new Random(Seeds.seed(2)));
        double[][] x = {{0, 1}, {1, 0}};
        double[][] y = embeddings.forward(x).output();
        for (int t = 0; t < 2; t++) {
            int token = t == 0 ? 1 : 0;
            for (int i = 0; i < 2; i++) {
                assertThat(y[t][i]).isEqualTo(embeddings.tokens()[token][i] + embeddings.positions()[t][i]);
            }
        }
        double[][] dx = embeddings.forward(x).backward(new double[][] {{1, 0}, {0, 1}});
        assertThat(dx[0][1]).isEqualTo(embeddings.tokens()[1][0]);
        assertThat(embeddings.parameters()).hasToString("[tokens[2, 2], positions[3, 2]]");
        FlattenSequence flatten = new FlattenSequence(2, 2);
        assertThat(flatten.forward(new double[][] {{1, 2}, {3, 4}}).output()).containsExactly(1, 2, 3, 4);
        assertThat(flatten.forward(new double[2][2]).backward(new double[] {1, 2, 3, 4})).isDeepEqualTo(
                new double[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> flatten.forward(new double[2][2]).backward(new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adam_warms_up_then_decays_to_zero_and_moves_every_entry_by_about_its_rate() {
        Adam adam = new Adam(1e-2, 9, 109, 0.9, 0.99);
        assertThat(adam.rate(1)).isCloseTo(1e-3, within(1e-15));
        assertThat(adam.rate(9)).isCloseTo(9e-3, within(1e-15));
        assertThat(adam.rate(59)).isCloseTo(5e-3, within(1e-12));
        assertThat(adam.rate(109)).isCloseTo(0, within(1e-15));
        double[] w = {1, -1};
        double[] g = {0.01, -300};
        Parameter p = Parameter.vector("w", w, g);
        new Adam(0.1, 0, 10, 0.9, 0.99).step(java.util.List.of(p));
        // the first step is rate * sign(g) whatever the size of g
        assertThat(w[0]).isCloseTo(1 - 0.1 * 0.5 * (1 + Math.cos(Math.PI / 10)), within(1e-6));  // eps = 1e-8 < 1e-6 g
        assertThat(w[1]).isCloseTo(-1 + 0.1 * 0.5 * (1 + Math.cos(Math.PI / 10)), within(1e-9));
        Recipe recipe = PointerModels.TRANSFORMER;
        assertThat(recipe.stepsPerEpoch()).isEqualTo(2048 / recipe.batch());
    }

    @Test
    void the_given_layers_keep_the_contract() {
        double[][] x = {{0, 1}, {1, 0}, {0, 1}};
        Embeddings embeddings = new Embeddings(2, 4, 3, new Random(Seeds.seed(4)));
        Contract.assertForward("Embeddings", "forward", embeddings, x);
        Contract.assertBackward("Embeddings", "forward's backward", embeddings, x, Seeds.seed(4));
        FlattenSequence flatten = new FlattenSequence(3, 2);
        Contract.assertForward("FlattenSequence", "forward", flatten, x);
        Contract.assertBackward("FlattenSequence", "forward's backward", flatten, x, Seeds.seed(5));
    }
}
