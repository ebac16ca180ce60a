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
import kit.lesson2.MSELoss;
import kit.lesson2.PoissonCounts;
import kit.lesson2.PoissonNLLLoss;
import kit.lesson2.Sample;

/**
 * Counts: {@code rate(x) = max(0.1, 2 + 5 sin(pi x))} on [0, 2], 500 training points, the same
 * 1-16-1 tanh network trained once with squared error (the logit is the rate) and once with the
 * Poisson NLL (the logit is the log-rate): 200 epochs at learning rate 0.01, then 60 at 0.001,
 * batch 4 (see {@link Regression}). Figures are read on a grid of 400 points; "the floor" is where
 * the true rate is 0.1 ({@code x} from about 1.12 to 1.88). Test NLL is exact: the expectation over
 * new counts under the true rate, without the {@code log y!} every model shares.
 *
 * <p>Budgets: 3 seeds, all must pass, for each test. The reference's figures over the grader's
 * seeds for base seeds 1 to 20 (60 runs):
 * <ul>
 *   <li>On the floor, the Poisson head's lowest rate is 0.013 to 0.12 and always above the
 *       squared-error head's lowest, which is -0.20 to 0.027 (at or below 0 on 58 of 60 runs); the
 *       gap is at least 0.073. The Poisson head's geometric-mean rate on the floor is 0.054 to 0.19,
 *       within a factor 2 of the truth; the bar is a factor 4, [0.025, 0.4].</li>
 *   <li>The Poisson head's test NLL is lower than the squared-error head's, whose rate is floored at
 *       0.001 so that it can be scored at all, by 0.004 to 0.075; the bar allows a tie within
 *       {@value #NLL_TIE} (the spread of one head's test NLL across seeds is about 0.03).</li>
 * </ul>
 */
@Tag("lesson2")
@Order(6)
@DisplayName("Experiment: counts (PoissonNLLLoss against MSELoss)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoissonCountsTest {
    static final int TRAIN = 500;
    static final Regression.Schedule SCHEDULE = new Regression.Schedule(200, 60, 4, 0.01);
    static final int SEEDS = 3;
    static final double FLOOR_RATE = 0.1;
    static final double FACTOR_BAR = 4;
    static final double NLL_TIE = 0.02;
    static final double MSE_RATE_FLOOR = 1e-3;
    private static final Map<Long, Figures> RUNS = new ConcurrentHashMap<>();

    /** What one seed's pair of fits shows. */
    record Figures(double lowestPoisson, double lowestMse, double typicalPoisson, double nllPoisson, double nllMse) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "on the floor: lowest rate Poisson %.3f, squared error %.3f; Poisson's "
                    + "geometric mean %.3f; test NLL Poisson %.4f, squared error %.4f", lowestPoisson, lowestMse,
                    typicalPoisson, nllPoisson, nllMse);
        }
    }

    /** One seed's training data and the two heads fitted to it; kept for the lesson's figures (Lesson2FiguresTest). */
    record Fits(Sample data, Network<double[]> mse, Network<double[]> poisson) {
    }

    private static final Map<Long, Fits> FITS = new ConcurrentHashMap<>();

    static Fits fits(long seed) {
        return FITS.computeIfAbsent(seed, s -> {
            Random rng = new Random(s);
            Sample data = PoissonCounts.sample(TRAIN, rng);
            Network<double[]> mse = Regression.fit(data, new MSELoss(), new double[] {data.meanTarget()}, SCHEDULE, rng);
            Network<double[]> poisson = Regression.fit(data, new PoissonNLLLoss(),
                    new double[] {Math.log(data.meanTarget())}, SCHEDULE, rng);
            return new Fits(data, mse, poisson);
        });
    }

    static Figures figures(long seed) {
        return RUNS.computeIfAbsent(seed, PoissonCountsTest::run);
    }

    static Figures run(long seed) {
        Fits fits = fits(seed);
        Sample data = fits.data();
        Network<double[]> mse = fits.mse();
        Network<double[]> poisson = fits.poisson();
        double lowestPoisson = Double.POSITIVE_INFINITY;
        double lowestMse = Double.POSITIVE_INFINITY;
        double logRates = 0;
        int onFloor = 0;
        double nllPoisson = 0;
        double nllMse = 0;
        double[] grid = Regression.grid(PoissonCounts.LOW, PoissonCounts.HIGH, 400);
        for (double x : grid) {
            double truth = PoissonCounts.rate(x);
            double ratePoisson = poisson.predict(data.input(x))[0];
            double rateMse = mse.predict(data.input(x))[0];
            if (truth == FLOOR_RATE) {
                lowestPoisson = Math.min(lowestPoisson, ratePoisson);
                lowestMse = Math.min(lowestMse, rateMse);
                logRates += Math.log(ratePoisson);
                onFloor++;
            }
            nllPoisson += expectedNll(ratePoisson, truth);
            nllMse += expectedNll(Math.max(rateMse, MSE_RATE_FLOOR), truth);
        }
        return new Figures(lowestPoisson, lowestMse, Math.exp(logRates / onFloor), nllPoisson / grid.length,
                nllMse / grid.length);
    }

    /** {@code E[rate - y log rate]} for {@code y ~ Poisson(truth)}; NaN for a rate that is not positive. */
    static double expectedNll(double rate, double truth) {
        return rate > 0 ? rate - truth * Math.log(rate) : Double.NaN;
    }

    @Test
    @Order(1)
    @Points(4)
    @Hint("the Poisson head's rates must stay positive and near the true 0.1 on the floor: check "
            + "PoissonNLLLoss.gradient (exp(z) - y) and predict (exp(z)); MSELoss.gradient is z - y")
    void on_the_floor_the_poisson_heads_rates_stay_positive_near_the_truth_and_above_the_squared_error_heads() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(SEEDS, PoissonCountsTest::figures, (seed, f) -> {
            runs.add("seed " + seed + ": " + f);
            return f.lowestPoisson() > 0 && f.lowestPoisson() > f.lowestMse()
                    && f.typicalPoisson() >= FLOOR_RATE / FACTOR_BAR && f.typicalPoisson() <= FLOOR_RATE * FACTOR_BAR;
        });
        assertThat(failing).as(SeedBudget.describe("where the true rate is 0.1, the Poisson head's rates are positive, "
                + "its lowest is above the squared-error head's lowest and their geometric mean is within a factor "
                + (int) FACTOR_BAR + " of 0.1", SEEDS, SEEDS, failing) + "\n" + String.join("\n", runs)).isEmpty();
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("the Poisson head's test NLL must not be worse than the squared-error head's: check PoissonNLLLoss.gradient")
    void the_poisson_heads_test_NLL_is_no_worse_than_the_squared_error_heads() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(SEEDS, PoissonCountsTest::figures, (seed, f) -> {
            runs.add("seed " + seed + ": " + f);
            return f.nllPoisson() <= f.nllMse() + NLL_TIE;
        });
        assertThat(failing).as(SeedBudget.describe("Poisson test NLL no worse than the squared-error head's (its rate "
                + "floored at " + MSE_RATE_FLOOR + "; a tie within " + NLL_TIE + " counts as no worse)", SEEDS, SEEDS,
                failing) + "\n" + String.join("\n", runs)).isEmpty();
    }
}
