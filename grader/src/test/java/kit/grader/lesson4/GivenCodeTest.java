package kit.grader.lesson4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Training;
import kit.grader.check.Seeds;
import kit.lesson1.Sgd;
import kit.lesson4.DelayedCopySource;
import kit.lesson4.Embedding;
import kit.lesson4.FixedWindowModel;
import kit.lesson4.WindowConcat;

/**
 * Lesson 4's given code (not graded, so it holds on the stubs too): bad shapes are named before any
 * student code runs, and the source, its entropy bounds and the model's bookkeeping are right.
 */
@Tag("library")
@DisplayName("Lesson 4: bad input is named, given code is right")
class GivenCodeTest {

    @Test
    void an_embedding_names_the_shape_it_got_and_the_one_it_needs() {
        Embedding embedding = new Embedding(5, 3, new Random(1));
        assertThat(embedding.parameters()).hasToString("[E[5, 3]]");
        assertThat(embedding.table()).hasDimensions(5, 3);
        assertThatThrownBy(() -> embedding.forward(new double[2][4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Embedding.forward input (V = 5) has shape 2 x 4")
                .hasMessageContaining("expected T x 5 with T >= 1");
        assertThatThrownBy(() -> embedding.forward(new double[0][5])).hasMessageContaining("shape 0 x 0");
        assertThatThrownBy(() -> embedding.forward(null)).hasMessageContaining("is null");
        assertThatThrownBy(() -> embedding.forward(new double[][] {new double[5], new double[4]}))
                .hasMessageContaining("2 x ragged");
        assertThatThrownBy(() -> embedding.lookup(new double[1][6])).hasMessageContaining("Embedding.lookup input");
        assertThatThrownBy(() -> embedding.backward(new double[2][5], new double[3][3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Embedding.backward dL/dy (d = 3) has shape 3 x 3")
                .hasMessageContaining("expected 2 x 3");
        assertThatThrownBy(() -> embedding.backward(new double[2][4], new double[2][3]))
                .hasMessageContaining("Embedding.backward input (V = 5) has shape 2 x 4");
        assertThatThrownBy(() -> new Embedding(0, 3, new Random(1))).hasMessageContaining("vocabulary = 0");
    }

    @Test
    void the_embedding_table_starts_small_and_seeded() {
        double[][] a = new Embedding(7, 16, new Random(Seeds.seed(50))).table();
        double[][] b = new Embedding(7, 16, new Random(Seeds.seed(50))).table();
        assertThat(a).isDeepEqualTo(b);
        for (double[] row : a) {
            for (double e : row) {
                assertThat(Math.abs(e)).isLessThanOrEqualTo(0.25);
            }
        }
    }

    @Test
    void a_window_concatenation_names_the_shape_it_got_and_the_one_it_needs() {
        WindowConcat concat = new WindowConcat(3, 2);
        assertThat(concat.parameters()).isEmpty();
        assertThatThrownBy(() -> concat.forward(new double[2][2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WindowConcat.forward input has shape 2 x 2")
                .hasMessageContaining("expected 3 x 2 (slots x width)");
        assertThatThrownBy(() -> concat.concat(new double[3][3])).hasMessageContaining("WindowConcat.concat input");
        assertThatThrownBy(() -> concat.split(new double[5]))
                .hasMessageContaining("WindowConcat.split dL/dy (3 slots x 2)")
                .hasMessageContaining("length 5 but expected length 6");
        assertThatThrownBy(() -> new WindowConcat(0, 2)).hasMessageContaining("slots = 0");
    }

    @Test
    void the_delayed_copy_source_has_the_entropies_of_the_formulas() {
        DelayedCopySource source = DelayedCopySource.LESSON;
        assertThat(source.alphabet()).isEqualTo(4);
        assertThat(source.order()).isEqualTo(3);
        assertThat(source.entropyGivenWindow(0)).isCloseTo(Math.log(4), within(1e-15));
        assertThat(source.entropyGivenWindow(2)).isCloseTo(Math.log(4), within(1e-15));
        assertThat(source.entropyGivenWindow(3)).isCloseTo(0.5875, within(1e-4));
        assertThat(source.entropyGivenWindow(9)).isEqualTo(source.entropyGivenWindow(3));
        // a pure copy is deterministic after the first k tokens; no copying at all is uniform
        assertThat(new DelayedCopySource(4, 3, 1.0).entropyGivenWindow(3)).isCloseTo(0, within(1e-15));
        assertThat(new DelayedCopySource(4, 3, 0.0).entropyGivenWindow(3)).isCloseTo(Math.log(4), within(1e-15));
        assertThatThrownBy(() -> source.entropyGivenWindow(-1)).hasMessageContaining("window is -1");
        assertThatThrownBy(() -> new DelayedCopySource(1, 3, 0.5)).hasMessageContaining("alphabet = 1");
        assertThatThrownBy(() -> new DelayedCopySource(4, 3, 1.5)).hasMessageContaining("copy probability = 1.5");
        assertThatThrownBy(() -> source.sample(-1, new Random(1))).hasMessageContaining("length is -1");
    }

    @Test
    void a_drawn_source_takes_every_alphabet_and_order_of_its_ranges_and_the_lessons_copy_probability() {
        Set<String> seen = new TreeSet<>();
        for (int k = 0; k < 200; k++) {
            DelayedCopySource source = DelayedCopySource.drawn(new Random(Seeds.seed(k)));
            assertThat(source.alphabet()).isBetween(DelayedCopySource.FEWEST_TOKENS, DelayedCopySource.MOST_TOKENS);
            assertThat(source.order()).isBetween(DelayedCopySource.LOWEST_ORDER, DelayedCopySource.HIGHEST_ORDER);
            assertThat(source.copyProbability()).isEqualTo(0.8);
            seen.add(source.alphabet() + " " + source.order());
        }
        assertThat(seen).hasSize(9);
        assertThat(DelayedCopySource.LESSON).hasToString("V = 4, k = 3, p = 0.8");
    }

    @Test
    void the_delayed_copy_source_copies_the_token_k_back_and_nothing_nearer() {
        int[] x = DelayedCopySource.LESSON.sample(200_000, new Random(Seeds.seed(51)));
        int[] counts = new int[4];
        for (int t = 0; t < x.length; t++) {
            assertThat(x[t]).isBetween(0, 3);
            counts[x[t]]++;
        }
        for (int count : counts) {
            assertThat(count / (double) x.length).as("marginal frequency").isCloseTo(0.25, within(0.02));
        }
        // P(x_t = x_{t-lag}) is 0.8 + 0.2 / 4 = 0.85 at lag 3 and 1/4 at lags 1 and 2
        assertThat(agreement(x, 3)).isCloseTo(0.85, within(0.01));
        assertThat(agreement(x, 1)).isCloseTo(0.25, within(0.01));
        assertThat(agreement(x, 2)).isCloseTo(0.25, within(0.01));
    }

    @Test
    void the_model_counts_its_parameters_and_checks_its_tokens() {
        FixedWindowModel model = new FixedWindowModel(4, 3, 4, 16, new Random(1));
        // V d + (N d + 1) n_h + (n_h + 1) V
        assertThat(model.parameterCount()).isEqualTo(4 * 4 + (3 * 4 + 1) * 16 + (16 + 1) * 4).isEqualTo(292);
        assertThat(new FixedWindowModel(75, 8, 16, 64, new Random(1)).parameterCount())
                .as("the original course's Alice model").isEqualTo(14_331);
        assertThat(model.window()).isEqualTo(3);
        assertThat(model.slotNorms()).hasSize(3);
        assertThat(model.network().parameters()).extracting(p -> p.name())
                .containsExactly("layer1.E", "layer3.W", "layer3.b", "layer5.W", "layer5.b");
        assertThat(FixedWindowModel.oneHotWindow(new int[] {3, 1, 0, 2}, 3, 2, 4))
                .isDeepEqualTo(new double[][] {{0, 1, 0, 0}, {1, 0, 0, 0}});
        assertThatThrownBy(() -> FixedWindowModel.oneHotWindow(new int[] {3, 1}, 1, 2, 4))
                .hasMessageContaining("a window of 2 ending before 1 does not fit a stream of length 2");
        assertThatThrownBy(() -> model.train(new int[] {0, 1, 4, 2}, new Training(1, 1), new Sgd(0.1), new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token 4 at position 2 is not in 0..3");
        assertThatThrownBy(() -> model.loss(new int[] {0, 1, 2}))
                .hasMessageContaining("has 3 tokens but needs at least 4 (window N = 3)");
        assertThatThrownBy(() -> model.predict(new int[] {0, 1}))
                .hasMessageContaining("context has 2 tokens but needs at least 3");
        assertThatThrownBy(() -> new FixedWindowModel(4, 0, 4, 16, new Random(1))).hasMessageContaining("window = 0");
    }

    private static double agreement(int[] x, int lag) {
        int same = 0;
        for (int t = lag; t < x.length; t++) {
            same += x[t] == x[t - lag] ? 1 : 0;
        }
        return same / (double) (x.length - lag);
    }
}
