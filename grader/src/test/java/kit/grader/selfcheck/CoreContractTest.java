package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Layer;
import kit.core.Loss;
import kit.core.Parameter;
import kit.core.Pass;
import kit.core.RowWise;
import kit.core.Rows;
import kit.grader.check.Contract;

/**
 * The core's given wiring (chains, row-wise layers, row maps) and the grader's contract check,
 * on small hand-written layers so that it holds on the stubs too.
 */
@Tag("selfcheck")
@DisplayName("The core contract")
class CoreContractTest {

    /** {@code y = w x} element-wise with one shared scalar weight; keeps a copy of its input. */
    static final class Scale implements Layer<double[], double[]> {
        final double[] w = {2};       // 1
        final double[] dw = new double[1];

        @Override
        public Pass<double[], double[]> forward(double[] x) {
            double[] input = x.clone();
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = w[0] * x[i];
            }
            return Pass.of(y, g -> {
                double[] dx = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    dw[0] += g[i] * input[i];
                    dx[i] = w[0] * g[i];
                }
                return dx;
            });
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.vector("w", w, dw));
        }
    }

    @Test
    void a_chain_names_parameters_by_position_and_counts_a_shared_layer_once() {
        Scale a = new Scale();
        Scale b = new Scale();
        Layer<double[], double[]> model = a.then(b).then(a);
        assertThat(model.parameters()).extracting(Parameter::name).containsExactly("layer1.w", "layer2.w");
        // y = 2 * 2 * 2 x; passes of the same layer backpropagate on their own and add up
        Pass<double[], double[]> pass = model.forward(new double[] {1, 3});
        assertThat(pass.output()).containsExactly(8, 24);
        double[] dx = pass.backward(new double[] {1, 1});
        assertThat(dx).containsExactly(8, 8);
        // dL/dw_a = sum over both uses: (4 * x) from the first use, (4 * x) from the last: 4 * 4 * 2
        assertThat(a.dw[0]).isCloseTo(32, within(1e-12));
        assertThat(b.dw[0]).isCloseTo(16, within(1e-12));
    }

    @Test
    void a_row_wise_layer_shares_its_parameters_over_every_row() {
        Scale scale = new Scale();
        RowWise rows = new RowWise(scale);
        Pass<double[][], double[][]> pass = rows.forward(new double[][] {{1, 2}, {3, 4}});
        assertThat(pass.output()).isDeepEqualTo(new double[][] {{2, 4}, {6, 8}});
        assertThat(pass.backward(new double[][] {{1, 0}, {0, 1}})).isDeepEqualTo(new double[][] {{2, 0}, {0, 2}});
        assertThat(scale.dw[0]).as("1 * 1 + 1 * 4").isCloseTo(5, within(1e-12));
        assertThat(rows.parameters()).hasSize(1);
        assertThatThrownBy(() -> pass.backward(new double[1][2])).hasMessageContaining("1 rows but the forward had 2");
    }

    @Test
    void row_maps_keep_the_shape_of_any_rank() {
        double[][][] maps = {{{1, -2}}, {{3, 4}}};
        double[][][] doubled = Rows.map(maps, r -> new double[] {2 * r[0], 2 * r[1]});
        assertThat(doubled).isDeepEqualTo(new double[][][] {{{2, -4}}, {{6, 8}}});
        assertThat(Rows.copy(maps)).isDeepEqualTo(maps).isNotSameAs(maps);
    }

    @Test
    void the_contract_check_passes_a_layer_that_keeps_it() {
        Contract.assertForward("Scale", "forward", new Scale(), new double[] {1, 2});
        Contract.assertBackward("Scale", "backward", new Scale(), new double[] {1, 2}, 1);
    }

    @Test
    void the_contract_check_catches_a_forward_that_writes_into_its_input() {
        Layer<double[], double[]> writesInput = x -> {
            x[0] = 0;
            return Pass.of(x.clone(), g -> g.clone());
        };
        assertThatThrownBy(() -> Contract.assertForward("Bad", "affine", writesInput, new double[] {1, 2}))
                .hasMessageContaining("Bad.affine wrote into its input x");
    }

    @Test
    void the_contract_check_catches_a_forward_that_returns_an_array_it_keeps() {
        double[] kept = new double[2];
        Layer<double[], double[]> returnsBuffer = x -> {
            System.arraycopy(x, 0, kept, 0, 2);
            return Pass.of(kept, g -> g.clone());
        };
        assertThatThrownBy(() -> Contract.assertForward("Bad", "affine", returnsBuffer, new double[] {1, 2}))
                .hasMessageContaining("Bad.affine returned the same array object twice");
        double[] weights = {1, 1};
        Layer<double[], double[]> returnsWeights = x -> {
            weights[0] = x[0];
            return Pass.of(weights, g -> g.clone());
        };
        assertThatThrownBy(() -> Contract.assertForward("Bad", "affine", returnsWeights, new double[] {1, 2}))
                .hasMessageContaining("Bad.affine returned an array the layer keeps");
        Layer<double[], double[]> returnsInput = x -> Pass.of(x, g -> g.clone());
        assertThatThrownBy(() -> Contract.assertForward("Bad", "relu", returnsInput, new double[] {1, 2}))
                .hasMessageContaining("Bad.relu returned (part of) its input x");
    }

    @Test
    void the_contract_check_catches_a_backward_that_writes_into_dL_dy_or_returns_it() {
        Layer<double[], double[]> writesGrad = x -> Pass.of(x.clone(), g -> {
            g[0] = 0;
            return new double[g.length];
        });
        assertThatThrownBy(() -> Contract.assertBackward("Bad", "backward", writesGrad, new double[] {1, 2}, 1))
                .hasMessageContaining("Bad.backward wrote into dL/dy");
        Layer<double[], double[]> returnsGrad = x -> Pass.of(x.clone(), g -> g);
        assertThatThrownBy(() -> Contract.assertBackward("Bad", "backward", returnsGrad, new double[] {1, 2}, 1))
                .hasMessageContaining("Bad.backward returned (part of) dL/dy");
    }

    @Test
    void the_contract_check_catches_a_backward_that_reads_the_callers_arrays() {
        // keeps a reference to x instead of a copy: a caller that reuses x changes the backward
        Layer<double[], double[]> aliasesInput = x -> Pass.of(x.clone(), g -> {
            double[] dx = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                dx[i] = x[i] * g[i];
            }
            return dx;
        });
        assertThatThrownBy(() -> Contract.assertBackward("Bad", "backward", aliasesInput, new double[] {1, 2}, 1))
                .hasMessageContaining("Bad.backward depends on an array the caller owns");
    }

    @Test
    void the_contract_check_catches_a_loss_that_writes_into_the_logits_or_returns_them() {
        Loss gradientInPlace = new Loss() {
            @Override
            public double value(double[] logits, double[] target) {
                return 0;
            }

            @Override
            public double[] gradient(double[] logits, double[] target) {
                for (int i = 0; i < logits.length; i++) {
                    logits[i] -= target[i];
                }
                return logits;
            }

            @Override
            public double[] predict(double[] logits) {
                return logits;
            }
        };
        assertThatThrownBy(() -> Contract.assertLoss("Bad", gradientInPlace, new double[] {1, 2}, new double[] {0, 1}))
                .hasMessageContaining("Bad.gradient wrote into the logits");
    }
}
