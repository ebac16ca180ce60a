package kit.grader.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.lesson2.GaussianNLLLoss;
import kit.lesson2.Heteroscedastic;
import kit.lesson2.MSELoss;
import kit.lesson2.PoissonCounts;
import kit.lesson2.PoissonNLLLoss;
import kit.lesson2.Sample;
import kit.lesson2.SoftmaxCrossEntropy;

/**
 * Lesson 2's given code (not graded, so it holds on the stubs too): the losses name a caller's
 * mistake before any student code runs, and the data generators draw what their Javadoc says.
 */
@Tag("library")
@DisplayName("Lesson 2: bad input is named")
class Lesson2BadInputTest {

    @Test
    void softmax_cross_entropy_names_the_lengths_and_wants_a_distribution_as_target() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        assertThatThrownBy(() -> loss.value(new double[3], new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logits has length 3").hasMessageContaining("target has length 2");
        assertThatThrownBy(() -> loss.gradient(new double[2], new double[] {1, 1}))
                .hasMessageContaining("SoftmaxCrossEntropy.gradient").hasMessageContaining("target sums to 2.0");
        assertThatThrownBy(() -> loss.value(new double[2], new double[] {2, -1}))
                .hasMessageContaining("target[1] is -1.0").hasMessageContaining("one-hot");
        assertThatThrownBy(() -> loss.value(new double[0], new double[0])).hasMessageContaining("logits are empty");
        assertThatThrownBy(() -> loss.predict(null)).hasMessageContaining("logits are null");
        assertThatThrownBy(() -> SoftmaxCrossEntropy.oneHot(3, 3)).hasMessageContaining("class 3 is not in 0..2");
        assertThat(SoftmaxCrossEntropy.oneHot(1, 3)).containsExactly(0, 1, 0);
    }

    @Test
    void mse_and_poisson_name_the_lengths_and_poisson_wants_counts() {
        assertThatThrownBy(() -> new MSELoss().gradient(new double[2], new double[1]))
                .hasMessageContaining("MSELoss.gradient").hasMessageContaining("logits has length 2");
        assertThatThrownBy(() -> new MSELoss().value(new double[1], null)).hasMessageContaining("target is null");
        assertThatThrownBy(() -> new MSELoss().predict(null)).hasMessageContaining("MSELoss.predict: logits are null");
        PoissonNLLLoss poisson = new PoissonNLLLoss();
        assertThatThrownBy(() -> poisson.value(new double[1], new double[] {-1}))
                .hasMessageContaining("target[0] is -1.0").hasMessageContaining("at least 0");
        assertThatThrownBy(() -> poisson.gradient(new double[1], new double[] {Double.NaN}))
                .hasMessageContaining("target[0] is NaN");
        assertThatThrownBy(() -> poisson.gradient(new double[3], new double[2]))
                .hasMessageContaining("target has length 2");
        assertThatThrownBy(() -> poisson.predict(null)).hasMessageContaining("PoissonNLLLoss.predict");
    }

    @Test
    void the_gaussian_head_wants_two_logits_per_target() {
        GaussianNLLLoss loss = new GaussianNLLLoss();
        assertThatThrownBy(() -> loss.value(new double[3], new double[1]))
                .hasMessageContaining("logits has length 3 but target has length 1")
                .hasMessageContaining("2 logits per target");
        assertThatThrownBy(() -> loss.gradient(new double[2], null)).hasMessageContaining("target is null");
        assertThatThrownBy(() -> loss.gradient(null, new double[1])).hasMessageContaining("logits is null");
        assertThatThrownBy(() -> loss.predict(new double[3])).hasMessageContaining("odd length 3");
        assertThatThrownBy(() -> loss.predict(null)).hasMessageContaining("logits are null");
    }

    @Test
    void the_generators_draw_from_the_documented_distributions() {
        assertThatThrownBy(() -> PoissonCounts.sample(0, new Random(1))).hasMessageContaining("n is 0");
        assertThatThrownBy(() -> Heteroscedastic.sample(-2, new Random(1))).hasMessageContaining("n is -2");
        assertThat(PoissonCounts.rate(0.5)).isCloseTo(7, within(1e-12));
        assertThat(PoissonCounts.rate(1.5)).isEqualTo(0.1);
        assertThat(Heteroscedastic.sigma(-3)).isCloseTo(1.1, within(1e-12));

        Sample counts = PoissonCounts.sample(20000, new Random(2));
        double meanRate = 0;
        for (int n = 0; n < counts.size(); n++) {
            assertThat(counts.x(n)).isBetween(PoissonCounts.LOW, PoissonCounts.HIGH);
            assertThat(counts.y(n)).isGreaterThanOrEqualTo(0).isEqualTo(Math.rint(counts.y(n)));
            meanRate += PoissonCounts.rate(counts.x(n)) / counts.size();
        }
        assertThat(counts.meanTarget()).as("mean count vs mean rate").isCloseTo(meanRate, within(0.05));

        Sample noisy = Heteroscedastic.sample(20000, new Random(3));
        double squares = 0;
        for (int n = 0; n < noisy.size(); n++) {
            double e = (noisy.y(n) - Heteroscedastic.mean(noisy.x(n))) / Heteroscedastic.sigma(noisy.x(n));
            squares += e * e / noisy.size();
        }
        assertThat(squares).as("mean squared standardised noise").isCloseTo(1, within(0.05));
        assertThat(noisy.targetStd()).isGreaterThan(0);
    }

    @Test
    void a_sample_feeds_the_network_its_range_mapped_onto_minus_3_to_3() {
        Sample s = Heteroscedastic.sample(3, new Random(4));
        assertThat(s.input(Heteroscedastic.LOW)).containsExactly(-3);
        assertThat(s.input(Heteroscedastic.HIGH)).containsExactly(3);
        assertThat(s.inputs()).hasSize(3);
        assertThat(s.inputs().get(1)).containsExactly(s.input(s.x(1)));
        assertThat(s.targets()[2]).containsExactly(s.y(2));
        assertThat(PoissonCounts.sample(1, new Random(5)).input(1)).containsExactly(0);
    }
}
