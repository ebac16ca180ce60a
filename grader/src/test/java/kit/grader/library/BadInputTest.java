package kit.grader.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Init;
import kit.core.Network;
import kit.core.NotImplementedYet;
import kit.core.Parameter;
import kit.core.Rows;
import kit.core.Shapes;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;
import kit.lesson1.Sgd;
import kit.lesson1.SigmoidBCE;
import kit.lesson1.Tanh;

/**
 * The library's given code (not graded, so it holds on the stubs too): a caller's mistake gets an
 * error that names what was wrong, before any student code runs.
 */
@Tag("library")
@DisplayName("Bad input is named")
class BadInputTest {

    @Test
    void a_linear_layer_names_both_lengths_when_the_input_does_not_fit() {
        Linear layer = new Linear(2, 3, new Random(1));
        assertThatThrownBy(() -> layer.forward(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 3").hasMessageContaining("expected length 2");
        assertThatThrownBy(() -> layer.backward(new double[2], new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Linear.backward dL/dy").hasMessageContaining("length 2")
                .hasMessageContaining("expected length 3");
        assertThatThrownBy(() -> layer.backward(new double[3], new double[3]))
                .hasMessageContaining("Linear.backward input").hasMessageContaining("expected length 2");
        assertThatThrownBy(() -> layer.affine(new double[1])).hasMessageContaining("Linear.affine input");
        assertThatThrownBy(() -> layer.forward(null)).hasMessageContaining("is null");
        assertThatThrownBy(() -> new Linear(0, 3, new Random(1))).hasMessageContaining("in = 0");
    }

    @Test
    void an_element_wise_layer_names_what_it_got_on_any_rank() {
        assertThatThrownBy(() -> new Tanh<double[]>().forward(null)).hasMessageContaining("Tanh.forward input is null");
        assertThatThrownBy(() -> new ReLU<double[][]>().forward(null)).hasMessageContaining("ReLU.forward input is null");
        assertThatThrownBy(() -> Rows.zip("Tanh.backward", new double[2][3], new double[2][4], (a, b) -> a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Tanh.backward");
        assertThatThrownBy(() -> Rows.zip("ReLU.backward", new double[2][3], new double[3][3], (a, b) -> a))
                .hasMessageContaining("ReLU.backward: the gradient has shape 3 x 3 but the forward's input had shape 2 x 3");
        assertThatThrownBy(() -> Rows.map("not an array", r -> r)).hasMessageContaining("String");
    }

    @Test
    void a_loss_names_the_logits_and_target_lengths() {
        SigmoidBCE loss = new SigmoidBCE();
        assertThatThrownBy(() -> loss.value(new double[2], new double[1]))
                .hasMessageContaining("logits has length 2").hasMessageContaining("target has length 1");
        assertThatThrownBy(() -> loss.gradient(new double[1], null)).hasMessageContaining("target is null");
        assertThatThrownBy(() -> loss.predict(null)).hasMessageContaining("logits are null");
    }

    @Test
    void training_settings_and_data_are_checked() {
        assertThatThrownBy(() -> new Training(-1, 4)).hasMessageContaining("epochs is -1");
        assertThatThrownBy(() -> new Training(1, 0)).hasMessageContaining("batchSize is 0");
        assertThatThrownBy(() -> new Sgd(0)).hasMessageContaining("learning rate is 0");
        assertThatThrownBy(() -> new Sgd(Double.NaN)).hasMessageContaining("NaN");
        assertThat(new Sgd(0.5).learningRate()).isEqualTo(0.5);
        Network<double[]> net = new Network<>(new Linear(2, 1, new Random(1)), new SigmoidBCE());
        assertThatThrownBy(() -> net.fit(List.of(new double[2]), new double[2][1], new Training(1, 1), new Sgd(1),
                new Random(1))).hasMessageContaining("1 inputs but 2 targets");
        assertThatThrownBy(() -> net.meanLoss(List.of(), new double[0][])).hasMessageContaining("no examples");
        assertThatThrownBy(() -> net.meanLoss(null, null)).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> new Network<double[]>(null, new SigmoidBCE())).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> new Linear(2, 1, new Random(1)).then(null)).hasMessageContaining("null layer");
        assertThatThrownBy(() -> Init.glorotBound(0, 1)).hasMessageContaining("fanIn 0");
    }

    @Test
    void a_parameter_needs_a_gradient_of_its_own_shape() {
        assertThatThrownBy(() -> Parameter.vector("b", new double[2], new double[3]))
                .hasMessageContaining("value has length 2 but gradient has length 3");
        assertThatThrownBy(() -> Parameter.matrix("W", new double[][] {{1, 2}}, new double[][] {{1}}))
                .hasMessageContaining("row 0 has length 2");
        assertThatThrownBy(() -> Parameter.tensor4("K", new double[1][1][2][2], new double[1][1][1][2]))
                .hasMessageContaining("K");
        Parameter k = Parameter.tensor4("K", new double[2][3][2][2], new double[2][3][2][2]);
        assertThat(k.rows()).as("innermost rows of a 2 x 3 x 2 x 2 kernel").isEqualTo(12);
        assertThat(k.size()).isEqualTo(24);
        assertThat(k.shape()).containsExactly(2, 3, 2, 2);
        assertThat(k.toString()).isEqualTo("K[2, 3, 2, 2]");
    }

    @Test
    void an_image_of_the_wrong_shape_is_named_channels_by_height_by_width() {
        assertThatThrownBy(() -> Shapes.requireShape("Conv2D.forward input", new double[1][5][6], 1, 6, 6))
                .hasMessageContaining("shape 1 x 5 x 6").hasMessageContaining("expected 1 x 6 x 6");
        double[][][] ragged = {{{1, 2}, {3}}};
        assertThatThrownBy(() -> Shapes.requireShape("input", ragged, 1, 2, 2)).hasMessageContaining("ragged");
        assertThatThrownBy(() -> Shapes.requireShape("input", null, 1, 2, 2)).hasMessageContaining("null or ragged");
        assertThat(Shapes.shapeOf(new double[0][][])).containsExactly(0, 0, 0);
    }

    @Test
    void a_stub_says_which_lesson_and_method_it_stands_for() {
        NotImplementedYet stub = new NotImplementedYet(3, "Conv2D.forward", "slide the kernel");
        assertThat(stub).hasMessage("Lesson 3: Conv2D.forward is not implemented yet (slide the kernel)");
        assertThat(stub.lesson()).isEqualTo(3);
        assertThat(stub.method()).isEqualTo("Conv2D.forward");
        assertThat(stub.hint()).isEqualTo("slide the kernel");
        assertThat(new NotImplementedYet(1, "Sgd.step", "")).hasMessage("Lesson 1: Sgd.step is not implemented yet");
    }
}
