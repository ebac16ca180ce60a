package kit.grader.lesson1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Parameter;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Sgd;

@Tag("lesson1")
@Order(5)
@DisplayName("Sgd")
class SgdTest {

    @Test
    @Points(2)
    @Hint("for every parameter p, row r and column c: p.value(r)[c] -= learningRate * p.grad(r)[c]")
    void step_moves_every_entry_of_every_parameter_against_its_gradient() {
        double[][] w = {{1, 2}, {3, 4}};
        double[][] dw = {{0.5, -1}, {0, 2}};
        double[] b = {10};
        double[] db = {-4};
        double[][][][] k = {{{{1, 1}, {1, 1}}}};
        double[][][][] dk = {{{{1, 2}, {3, 4}}}};
        new Sgd(0.25).step(List.of(Parameter.matrix("W", w, dw), Parameter.vector("b", b, db),
                Parameter.tensor4("K", k, dk)));
        assertThat(w[0]).containsExactly(new double[] {0.875, 2.25}, within(1e-12));
        assertThat(w[1]).containsExactly(new double[] {3, 3.5}, within(1e-12));
        assertThat(b).containsExactly(new double[] {11}, within(1e-12));
        assertThat(k[0][0][1]).as("4-d kernel row [0][0][1]").containsExactly(new double[] {0.25, 0}, within(1e-12));
        assertThat(dw[1]).as("the gradient itself is left alone").containsExactly(0, 2);
    }
}
