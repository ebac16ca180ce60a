package kit.grader.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Blame inside a lesson rests on what a test reaches, read from class files: these facts hold
 * for the reference and for the untouched stubs alike (the calls are in given code).
 */
@Tag("selfcheck")
@DisplayName("Blame: what a test reaches")
class BlameReachTest {
    private final Prerequisites.Classes classes =
            new Prerequisites.Classes(BlameReachTest.class.getClassLoader(), Path.of("no-library-folder"));

    @Test
    void a_block_gradient_test_reaches_the_attention_and_layernorm_backwards_through_the_passes() {
        Set<String> reached = classes.reachedFrom("kit/grader/lesson6/BlockTest", "dx_matches_the_numeric_gradient");
        assertThat(reached).contains("kit/lesson6/Block.backward", "kit/lesson6/Attention.backward",
                "kit/lesson6/LayerNorm.backward", "kit/lesson6/Attention.weights", "kit/lesson1/Linear.backward");
    }

    @Test
    void a_forward_test_does_not_reach_the_backward_it_never_calls_back() {
        Set<String> reached = classes.reachedFrom("kit/grader/lesson6/AttentionTest$Forward",
                "weights_are_a_softmax_of_scaled_dot_products_on_a_case_you_can_check_by_hand");
        assertThat(reached).contains("kit/lesson6/Attention.weights").doesNotContain("kit/lesson6/Attention.backward");
    }

    @Test
    void a_title_names_the_class_and_the_method_it_grades() {
        assertThat(subject("Attention > backward > dx matches the numeric gradient (String, boolean, double)", 6))
                .isEqualTo(new Prerequisites.Subject(6, "Attention", "backward"));
        assertThat(subject("SigmoidBCE > softplus is log 1 plus e to the z and finite for huge logits", 1))
                .isEqualTo(new Prerequisites.Subject(1, "SigmoidBCE", "softplus"));
        assertThat(subject("RNN (backpropagation through time) > with a head at every step > dWxh matches", 5))
                .isEqualTo(new Prerequisites.Subject(5, "RNN", null));
        assertThat(subject("XOR (Linear, Tanh, SigmoidBCE, Sgd) > a 2 8 1 tanh MLP drives the loss down", 1)).isNull();
    }

    private Prerequisites.Subject subject(String title, int lesson) {
        GradedTest t = new GradedTest(Lesson.fromTag("lesson" + lesson).orElseThrow(), title, "X", "m", 1, "");
        return Prerequisites.subject(t, classes);
    }
}
