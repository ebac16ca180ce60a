package kit.grader.lesson2;

import static kit.grader.check.GradientAssert.assertThatGradient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Loss;
import kit.grader.check.Contract;
import kit.grader.check.GradientCheck;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson2.GaussianNLLLoss;

@Tag("lesson2")
@Order(4)
@DisplayName("GaussianNLLLoss")
class GaussianNllLossTest {
    static final double FLOOR = GaussianNLLLoss.SIGMA_FLOOR;
    /** Two outputs: means 0.4 and -1.2, raw scales -0.8 and 1.3; targets 1.1 and -3. */
    static final double[] LOGITS = {0.4, -1.2, -0.8, 1.3};
    static final double[] TARGET = {1.1, -3};

    private final GaussianNLLLoss loss = new GaussianNLLLoss();

    /** The grader's own sigma: softplus(r) + the floor. */
    static double sigma(double r) {
        return Math.max(r, 0) + Math.log1p(Math.exp(-Math.abs(r))) + FLOOR;
    }

    static double nll(double mu, double r, double y) {
        double s = sigma(r);
        return Math.log(s) + (y - mu) * (y - mu) / (2 * s * s);
    }

    /**
     * The loss seen as a function of one half of its logits, the other half held fixed, so that each
     * half's gradient is checked (and scored) on its own.
     */
    static Loss half(GaussianNLLLoss loss, double[] logits, boolean means) {
        int m = logits.length / 2;
        return new Loss() {
            double[] full(double[] part) {
                double[] z = logits.clone();
                System.arraycopy(part, 0, z, means ? 0 : m, m);
                return z;
            }

            @Override
            public double value(double[] part, double[] target) {
                return loss.value(full(part), target);
            }

            @Override
            public double[] gradient(double[] part, double[] target) {
                double[] g = loss.gradient(full(part), target);
                return means ? Arrays.copyOfRange(g, 0, m) : Arrays.copyOfRange(g, m, 2 * m);
            }

            @Override
            public double[] predict(double[] part) {
                return loss.predict(full(part));
            }
        };
    }

    static double[] part(double[] logits, boolean means) {
        int m = logits.length / 2;
        return means ? Arrays.copyOfRange(logits, 0, m) : Arrays.copyOfRange(logits, m, 2 * m);
    }

    @Test
    @Order(1)
    @Points(2)
    @Hint("[mu..., sigma...]: copy the means, and sigma = softplus(r) + SIGMA_FLOOR with "
            + "softplus(r) = max(r, 0) + log1p(exp(-|r|))")
    void predict_returns_the_means_then_the_softplus_sigmas() {
        double[] z = {0.5, -1, 0, Math.log(Math.E - 1)};
        assertThat(loss.predict(z)).as("softplus(0) = log 2, softplus(log(e - 1)) = 1")
                .containsExactly(new double[] {0.5, -1, Math.log(2) + FLOOR, 1 + FLOOR}, within(1e-12));
        assertThat(loss.predict(new double[] {7, -7, 1000, -1000})).as("sigma at raw scales of +-1000")
                .containsExactly(new double[] {7, -7, 1000 + FLOOR, FLOOR}, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("L = sum over i of log(sigma[i]) + (y[i] - mu[i])^2 / (2 sigma[i]^2), with mu = z[i] and sigma from z[m + i]")
    void value_is_log_sigma_plus_half_the_squared_standardised_residual() {
        // sigma = 2 (up to the floor) and a residual of 2: log 2 + 1/2
        double r = Math.log(Math.expm1(2));
        assertThat(loss.value(new double[] {1, r}, new double[] {3})).isCloseTo(nll(1, r, 3), within(1e-12))
                .isCloseTo(Math.log(2) + 0.5, within(1e-6));
        assertThat(loss.value(LOGITS, TARGET)).as("summed over outputs")
                .isCloseTo(nll(0.4, -0.8, 1.1) + nll(-1.2, 1.3, -3), within(1e-12));
    }

    @Test
    @Order(3)
    @Points(2)
    @Hint("dL/dmu[i] = (mu[i] - y[i]) / sigma[i]^2: the residual weighted by the precision")
    void the_gradient_for_the_means_matches_the_numeric_gradient() {
        Backprops.GAUSSIAN.require();
        assertThatGradient(GradientCheck.ofLoss("GaussianNLLLoss (mean logits)", half(loss, LOGITS, true),
                part(LOGITS, true), TARGET, Seeds.seed(27))).matchesNumeric();
    }

    @Test
    @Order(4)
    @Points(2)
    @Hint("dL/dr[i] = dL/dsigma * dsigma/dr = (1/sigma - (y - mu)^2 / sigma^3) * sigmoid(r)")
    void the_gradient_for_the_raw_scales_matches_the_numeric_gradient() {
        Backprops.GAUSSIAN.require();
        assertThatGradient(GradientCheck.ofLoss("GaussianNLLLoss (raw-scale logits)", half(loss, LOGITS, false),
                part(LOGITS, false), TARGET, Seeds.seed(28))).matchesNumeric();
    }

    @Test
    @Order(5)
    @Points(1)
    @Hint("compute softplus as max(r, 0) + log1p(exp(-|r|)) and the sigmoid in two branches; "
            + "the floor keeps sigma positive when softplus(-1000) rounds to 0")
    void value_and_gradient_stay_finite_and_correct_at_logits_of_1000() {
        // one output at a time, so that one huge term does not drown the other's changes in rounding:
        // a mean of 1000 against 0 with sigma at the floor, a mean of -3 against 5 with sigma 1000,
        // and a mean of -1000 against 1000 with sigma log 2
        double[][] logits = {{1000, -1000}, {-3, 1000}, {-1000, 0}};
        double[][] targets = {{0}, {5}, {1000}};
        for (int c = 0; c < logits.length; c++) {
            double[] z = logits[c];
            double expected = nll(z[0], z[1], targets[c][0]);
            assertThat(loss.value(z, targets[c])).as("L at mu = %s, r = %s, y = %s", z[0], z[1], targets[c][0])
                    .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            assertThatGradient(GradientCheck.ofLoss("GaussianNLLLoss", loss, z, targets[c], Seeds.seed(29)))
                    .matchesNumeric();
        }
    }

    @Test
    @Order(9)
    @Points(1)
    @Hint("value, gradient and predict must never write into the logits or the target, and must return new arrays (predict too: never the logits themselves)")
    void value_gradient_and_predict_leave_the_logits_untouched_and_return_new_arrays() {
        Contract.assertLoss("GaussianNLLLoss", new GaussianNLLLoss(), new double[] {-1.5, 0.2, 0.3, -2}, new double[] {1, 0});
    }
}
