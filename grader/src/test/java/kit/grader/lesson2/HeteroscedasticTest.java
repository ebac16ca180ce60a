package kit.grader.lesson2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kit.core.Network;
import kit.grader.check.SeedBudget;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson2.GaussianNLLLoss;
import kit.lesson2.Heteroscedastic;
import kit.lesson2.MSELoss;
import kit.lesson2.Sample;

/**
 * Noise that changes size: {@code y = sin x + sigma(x) eps}, {@code sigma(x) = |x|/3 + 0.1} on
 * [0, 6], 500 training points. A 1-16-2 tanh network with the Gaussian NLL (a mean and a softplus
 * sigma per input) against a 1-16-1 network with squared error plus one global sigma, the root mean
 * square of its training residuals (the maximum-likelihood choice). Both: 100 epochs at learning
 * rate 0.005, then 30 at 0.0005, batch 4 (see {@link Regression}). Figures are read on a grid of
 * 400 points; test NLL is exact, the expectation over new data under the true mean and sigma,
 * without the {@code log(2 pi)/2} every model shares: the true model scores 0.394, and squared error
 * with a perfect mean and the best global sigma 0.717.
 *
 * <p>Budgets: 3 seeds, all must pass, for each test. The reference's figures over the grader's
 * seeds for base seeds 1 to 20 (60 runs):
 * <ul>
 *   <li>The learned sigma is off the truth by 6.0% to 15.0% on average over [0, 6] (bar: 25%). Its
 *       worst point is at the left end, where the truth is 0.1 and the fit gives 0.16 to 0.28: the
 *       mean's own error there is as large as the noise.</li>
 *   <li>Test NLL: Gaussian head 0.409 to 0.441, squared error with one global sigma 0.720 to 0.740;
 *       the gap is 0.280 to 0.315 (bar: at least {@value #NLL_GAP_BAR}).</li>
 * </ul>
 */
@Tag("lesson2")
@Order(7)
@DisplayName("Experiment: noise that changes size (GaussianNLLLoss)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeteroscedasticTest {
    static final int TRAIN = 500;
    static final Regression.Schedule SCHEDULE = new Regression.Schedule(100, 30, 4, 0.005);
    static final int SEEDS = 3;
    static final double SIGMA_ERROR_BAR = 0.25;
    static final double NLL_GAP_BAR = 0.1;
    private static final Map<Long, Figures> RUNS = new ConcurrentHashMap<>();

    /** What one seed's pair of fits shows. */
    record Figures(double sigmaError, double worstSigmaError, double globalSigma, double nllGaussian, double nllMse) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "sigma off by %.1f%% on average (at most %.1f%%); global sigma %.3f; "
                    + "test NLL Gaussian %.3f, squared error with the global sigma %.3f", 100 * sigmaError,
                    100 * worstSigmaError, globalSigma, nllGaussian, nllMse);
        }
    }

    /** One seed's training data and the two heads fitted to it; kept for the lesson's figures (Lesson2FiguresTest). */
    record Fits(Sample data, Network<double[]> mse, Network<double[]> gaussian) {
        /** The squared-error head's one sigma: the root mean square of its training residuals. */
        double globalSigma() {
            double squares = 0;
            for (int n = 0; n < data.size(); n++) {
                double r = data.y(n) - mse.predict(data.input(data.x(n)))[0];
                squares += r * r;
            }
            return Math.sqrt(squares / data.size());
        }
    }

    private static final Map<Long, Fits> FITS = new ConcurrentHashMap<>();

    static Fits fits(long seed) {
        return FITS.computeIfAbsent(seed, s -> {
            Random rng = new Random(s);
            Sample data = Heteroscedastic.sample(TRAIN, rng);
            Network<double[]> mse = Regression.fit(data, new MSELoss(), new double[] {data.meanTarget()}, SCHEDULE, rng);
            Network<double[]> gaussian = Regression.fit(data, new GaussianNLLLoss(),
                    new double[] {data.meanTarget(), Regression.softplusInverse(data.targetStd())}, SCHEDULE, rng);
            return new Fits(data, mse, gaussian);
        });
    }

    static Figures figures(long seed) {
        return RUNS.computeIfAbsent(seed, HeteroscedasticTest::run);
    }

    static Figures run(long seed) {
        Fits fits = fits(seed);
        Sample data = fits.data();
        Network<double[]> mse = fits.mse();
        Network<double[]> gaussian = fits.gaussian();
        double globalSigma = fits.globalSigma();
        double sigmaError = 0;
        double worstSigmaError = 0;
        double nllGaussian = 0;
        double nllMse = 0;
        double[] grid = Regression.grid(Heteroscedastic.LOW, Heteroscedastic.HIGH, 400);
        for (double x : grid) {
            double[] meanAndSigma = gaussian.predict(data.input(x));
            double error = Math.abs(meanAndSigma[1] / Heteroscedastic.sigma(x) - 1);
            sigmaError += error;
            worstSigmaError = Math.max(worstSigmaError, error);
            nllGaussian += expectedNll(meanAndSigma[0], meanAndSigma[1], x);
            nllMse += expectedNll(mse.predict(data.input(x))[0], globalSigma, x);
        }
        return new Figures(sigmaError / grid.length, worstSigmaError, globalSigma, nllGaussian / grid.length,
                nllMse / grid.length);
    }

    /** {@code E[log s + (y - m)^2 / (2 s^2)]} for {@code y ~ N(mean(x), sigma(x)^2)}. */
    static double expectedNll(double m, double s, double x) {
        double bias = Heteroscedastic.mean(x) - m;
        double sigma = Heteroscedastic.sigma(x);
        return Math.log(s) + (sigma * sigma + bias * bias) / (2 * s * s);
    }

    @Test
    @Order(1)
    @Points(4)
    @Hint("the learned sigma must follow |x|/3 + 0.1: check GaussianNLLLoss.gradient for the raw scale, "
            + "sigmoid(r) * (1 - ((y - mu) / sigma)^2) / sigma")
    void the_learned_sigma_tracks_the_true_noise_level() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(SEEDS, HeteroscedasticTest::figures, (seed, f) -> {
            runs.add("seed " + seed + ": " + f);
            return f.sigmaError() <= SIGMA_ERROR_BAR;
        });
        assertThat(failing).as(SeedBudget.describe("the learned sigma is within " + (int) (100 * SIGMA_ERROR_BAR)
                + "% of the truth on average over [0, 6]", SEEDS, SEEDS, failing) + "\n" + String.join("\n", runs))
                .isEmpty();
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("a sigma per input must beat one global sigma on test NLL by at least " + NLL_GAP_BAR
            + ": check GaussianNLLLoss.gradient and predict")
    void its_test_NLL_clearly_beats_squared_error_with_one_global_sigma() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(SEEDS, HeteroscedasticTest::figures, (seed, f) -> {
            runs.add("seed " + seed + ": " + f);
            return f.nllGaussian() <= f.nllMse() - NLL_GAP_BAR;
        });
        assertThat(failing).as(SeedBudget.describe("Gaussian test NLL at least " + NLL_GAP_BAR
                + " below squared error's with one global sigma", SEEDS, SEEDS, failing) + "\n"
                + String.join("\n", runs)).isEmpty();
    }
}
