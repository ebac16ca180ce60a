package kit.grader.lesson4;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Parameter;
import kit.grader.check.GradientCheck;
import kit.grader.check.LayerGradients;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson4.FixedWindowModel;

/**
 * The whole model, {@code Embedding -> WindowConcat -> Linear -> Tanh -> Linear}, differentiated at
 * one window with forced repeats: every parameter array against central differences.
 */
@Tag("lesson4")
@Order(3)
@DisplayName("The fixed-window model (Embedding, WindowConcat)")
class FixedWindowModelTest {

    /** V = 5, N = 4, d = 3, n_h = 6 at the window [2, 0, 2, 2], projected by a seeded dL/dz. */
    static LayerGradients<double[][], double[]> check(FixedWindowModel model) {
        long seed = Seeds.seed(48);
        return GradientCheck.ofLayer("FixedWindowModel(V = 5, N = 4, d = 3, n_h = 6) on ids [2, 0, 2, 2]",
                model.layer(), Windows.oneHot(5, EmbeddingTest.REPEATS), seed);
    }

    static FixedWindowModel model() {
        return new FixedWindowModel(5, 4, 3, 6, new Random(Seeds.seed(49)));
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("the table's gradient arrives through WindowConcat's backward: check split's order, then Embedding.backward")
    void the_table_gradient_through_the_whole_model_matches_the_numeric_gradient() {
        Backprops.WINDOW_CONCAT.require();
        Backprops.EMBEDDING.require();
        FixedWindowModel model = model();
        List<Parameter> parameters = model.layer().parameters();
        assertThat(parameters.get(0).shape()).as("the first parameter is the table, V x d").containsExactly(5, 3);
        assertThatGradient(check(model).parameter(parameters.get(0).name())).matchesNumeric();
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("the hidden and output layers' gradients need dL/dy of WindowConcat's forward: check concat's order, "
            + "and Lesson 1's Linear and Tanh")
    void every_other_parameter_array_matches_the_numeric_gradient() {
        Backprops.WINDOW_CONCAT.require();
        FixedWindowModel model = model();
        LayerGradients<double[][], double[]> check = check(model);
        List<Parameter> parameters = model.layer().parameters();
        assertThat(parameters).as("the table, W1, b1, W2, b2").hasSize(5);
        for (Parameter p : parameters.subList(1, parameters.size())) {
            assertThatGradient(check.parameter(p.name())).matchesNumeric();
        }
    }
}
