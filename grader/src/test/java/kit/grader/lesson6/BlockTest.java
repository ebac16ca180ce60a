package kit.grader.lesson6;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kit.core.Parameter;
import kit.core.Pass;
import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.Block;
import kit.lesson6.Transformer;

@Tag("lesson6")
@Order(3)
@DisplayName("Block")
class BlockTest {

    static LayerGradients<double[][], double[][]> check(boolean causal) {
        long seed = Seeds.seed(causal ? 81 : 82);
        Random rng = new Random(seed);
        Block block = new Block(4, 6, causal, rng);
        return GradientCheck.ofLayer("Block(d = 4, f = 6, " + (causal ? "causal" : "no mask") + ") on 5 x 4", block,
                Sequences.gaussian(5, 4, 1.0, rng), seed);
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("an addition passes its gradient to both terms: du = g + (the FFN branch's way back of g), "
            + "dx = du + (the attention branch's way back of du)")
    void with_both_branches_silenced_the_block_is_the_identity_forward_and_backward() {
        // given the attention's output projection and the FFN's last layer set to 0: y = x, so dL/dx = g
        Random rng = new Random(Seeds.seed(83));
        Block block = new Block(4, 6, true, rng);
        for (Parameter p : block.parameters()) {
            if (p.name().startsWith("attention.output.") || p.name().startsWith("ffn.layer3.")) {
                for (int r = 0; r < p.rows(); r++) {
                    Arrays.fill(p.value(r), 0.0);
                }
            }
        }
        double[][] x = Sequences.gaussian(5, 4, 1.0, rng);
        double[][] g = Sequences.gaussian(5, 4, 1.0, rng);
        Pass<double[][], double[][]> pass = block.forward(x);
        assertThat(pass.output()).as("forward of a silenced block").isDeepEqualTo(x);
        assertThat(pass.backward(g)).as("dL/dx of a silenced block (must be g: the identity path)").isDeepEqualTo(g);
    }

    @ParameterizedTest(name = "causal mask: {0}")
    @ValueSource(booleans = {false, true})
    @Order(2)
    @Points(3)
    @Hint("dx = du + norm1's way back of (attention's way back of du), with du = g + norm2's way back of (ffn's way back of g)")
    void dx_matches_the_numeric_gradient(boolean causal) {
        assertThatGradient(check(causal).input()).matchesNumeric();
    }

    @ParameterizedTest(name = "causal mask: {0}")
    @ValueSource(booleans = {false, true})
    @Order(3)
    @Points(2)
    @Hint("every branch's pass adds its parameters' gradients when you call its backward; call each exactly once")
    void every_parameter_gradient_matches_the_numeric_gradient(boolean causal) {
        LayerGradients<double[][], double[][]> check = check(causal);
        for (String name : new String[] {"norm1.gamma", "norm1.beta", "attention.query.W", "attention.key.b",
                "attention.value.W", "attention.output.W", "norm2.gamma", "norm2.beta", "ffn.layer1.W", "ffn.layer1.b",
                "ffn.layer3.W", "ffn.layer3.b"}) {
            assertThatGradient(check.parameter(name)).matchesNumeric();
        }
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("the block's forward must leave x untouched and return a new array")
    void forward_leaves_its_input_untouched_and_returns_a_new_array() {
        Random rng = new Random(Seeds.seed(84));
        Contract.assertForward("Block", "forward", new Block(4, 6, true, rng), Sequences.gaussian(5, 4, 1.0, rng));
    }

    @Test
    @Order(5)
    @Points(1)
    @Hint("backward must return a new dL/dx and never write into g")
    void backward_leaves_dL_dy_untouched_and_returns_a_new_array() {
        Random rng = new Random(Seeds.seed(85));
        Contract.assertBackward("Block", "backward", new Block(4, 6, true, rng), Sequences.gaussian(5, 4, 1.0, rng),
                Seeds.seed(85));
    }

    @ParameterizedTest(name = "causal mask: {0}")
    @ValueSource(booleans = {false, true})
    @Order(6)
    @Points(3)
    @Hint("the whole model runs every part you wrote; if the parts pass on their own, check the block's backward")
    void a_whole_two_block_model_with_the_loss_at_the_last_position_matches_the_numeric_gradient(boolean causal) {
        // given embeddings, two blocks, the final norm and the readout on T = 5 one-hot rows over 2 tokens
        long seed = Seeds.seed(causal ? 86 : 87);
        Random rng = new Random(seed);
        Transformer model = new Transformer(2, 5, 4, 6, 2, causal, 2, rng);
        double[][] x = new double[5][2];
        for (double[] row : x) {
            row[rng.nextInt(2)] = 1;
        }
        LayerGradients<double[][], double[]> check = GradientCheck.ofLayer(
                "Transformer(d = 4, f = 6, 2 blocks, " + (causal ? "causal" : "no mask") + ")", model, x, seed);
        assertThatGradient(check.input()).matchesNumeric();
        for (Parameter p : model.parameters()) {
            assertThatGradient(check.parameter(p.name())).matchesNumeric();
        }
    }

    @Test
    @Order(7)
    @Points(1)
    @Hint("the model's plumbing is given; if this fails, your causal mask lets a row see the rows after it, or a "
            + "forward depends on something other than its input")
    void the_model_runs_on_from_any_layer_of_its_residual_stream_and_the_mask_keeps_rows_causal() {
        Random rng = new Random(Seeds.seed(3));
        Transformer model = new Transformer(2, 5, 4, 6, 2, true, 2, rng);
        assertThat(model.depth()).isEqualTo(2);
        assertThat(model.width()).isEqualTo(4);
        assertThat(model.embeddings()).isNotNull();
        assertThat(model.block(1).attention().causal()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.block(3)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.logitsFrom(3, new double[5][4])).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.logitsOfEveryRowFrom(-1, new double[5][4])).isInstanceOf(IllegalArgumentException.class);
        double[][] x = {{1, 0}, {0, 1}, {0, 1}, {1, 0}, {0, 1}};
        double[][][] r = model.residualStream(x);
        assertThat(r).hasNumberOfRows(3);
        double[] z = model.forward(x).output();
        for (int l = 0; l <= 2; l++) {
            assertThat(model.logitsFrom(l, r[l])).as("logits from layer %d", l).containsExactly(z, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(model.logitsOfEveryRowFrom(l, r[l])[4]).containsExactly(z, org.assertj.core.api.Assertions.within(1e-12));
        }
        // with the causal mask, patching row p of any layer changes no logits of the rows before p
        for (int l = 0; l <= 2; l++) {
            for (int p = 0; p < 5; p++) {
                double[][] patched = new double[5][];
                for (int t = 0; t < 5; t++) {
                    patched[t] = r[l][t].clone();
                }
                patched[p][0] += 3;
                double[][] before = model.logitsOfEveryRowFrom(l, r[l]);
                double[][] after = model.logitsOfEveryRowFrom(l, patched);
                for (int t = 0; t < p; t++) {
                    assertThat(after[t]).as("layer %d, patch at %d, row %d", l, p, t).containsExactly(before[t]);
                }
            }
        }
        assertThat(model.attentionWeights(x, 2)[0]).containsExactly(new double[] {1, 0, 0, 0, 0}, org.assertj.core.api.Assertions.within(0.0));
    }
}
