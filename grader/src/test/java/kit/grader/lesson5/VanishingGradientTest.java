package kit.grader.lesson5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.SeedBudget;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson5.GradientReach;
import kit.lesson5.RNNCell;

/**
 * The vanishing gradient, measured on fresh cells (16 units, 2 inputs, the original's init) over 40
 * random one-hot inputs: a unit gradient on the last state, pushed back through the recurrence alone.
 * Ten cells, one per seed of the budget.
 *
 * <p>Calibration on the reference, the exact budgets for the default base seed and base seeds 1 to 999
 * (10,000 cells): the fitted per-step ratio is 0.37 to 0.82 (median 0.50; bar 0.9), the fit's r^2 at
 * least 0.969 (bar 0.9), the norm 30 steps back median 7e-10 and at most 2.2e-3 (bar 1e-3: one cell
 * of 10,000 misses, and the budget allows one in ten). With W_hh times 3 the norm 10 steps back is a
 * median 1,000 times the plain cell's; 2.4% of cells keep less than 10 times (their states saturate,
 * and 1 - h^2 stops the gradient instead), so the budget asks 7 of 10 cells for a factor of at least
 * 10. No budget of the 1,000 failed either test.
 */
@Tag("lesson5")
@Order(5)
@DisplayName("The vanishing gradient, measured (RNNCell.backward)")
class VanishingGradientTest {
    static final int STEPS = 40;
    static final int HIDDEN = 16;

    /** {@code ||dL/dh_{39-k}||} for {@code k = 0 .. 40} on a fresh cell whose W_hh is multiplied by {@code scale}. */
    static double[] reach(long seed, double scale) {
        Random rng = new Random(seed);
        RNNCell cell = new RNNCell(2, HIDDEN, rng);
        for (double[] row : cell.recurrentWeights()) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        double[][] xs = Cells.oneHots(STEPS, 2, rng);
        return GradientReach.norms(cell, xs, Cells.unitVector(HIDDEN, rng));
    }

    @Test
    @Order(1)
    @Points(3)
    @Hint("a unit gradient pushed back through fresh cells must shrink geometrically: check that dhPrev is "
            + "W_hh^T (g * (1 - h^2)), with h the state the step produced")
    void the_gradient_shrinks_geometrically_with_a_fitted_per_step_ratio_well_below_one() {
        List<String> rows = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(10, seed -> {
            double[] norms = reach(seed, 1);
            double ratio = Cells.fittedRatio(norms);
            double r2 = Cells.linearity(norms);
            rows.add(String.format(Locale.ROOT, "seed %d: per-step ratio %.3f (r^2 %.3f); norm 1, %.1e, %.1e, %.1e, %.1e "
                    + "at k = 0, 10, 20, 30, 40", seed, ratio, r2, norms[10], norms[20], norms[30], norms[40]));
            return ratio < 0.9 && r2 > 0.9 && norms[30] < 1e-3 && norms[30] > 0;
        });
        System.out.println(String.join("\n", rows));
        assertThat(failing.size()).as(SeedBudget.describe(
                "per-step ratio < 0.9, log-norm linear in k (r^2 > 0.9) and norm at k = 30 < 1e-3", 10, 9, failing)
                + "\n" + String.join("\n", rows)).isLessThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("with W_hh three times larger each Jacobian diag(1 - h^2) W_hh is larger, so more gradient must survive "
            + "10 steps: check that dhPrev uses W_hh and the state h_t of the step")
    void three_times_Whh_keeps_at_least_ten_times_more_gradient_ten_steps_back() {
        List<String> rows = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(10, seed -> {
            double plain = reach(seed, 1)[10];
            double scaled = reach(seed, 3)[10];
            factors.add(scaled / plain);
            rows.add(String.format(Locale.ROOT, "seed %d: norm at k = 10 %.1e plain, %.1e with W_hh x 3: %.0f times",
                    seed, plain, scaled, scaled / plain));
            return scaled >= 10 * plain;
        });
        double[] sorted = factors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.println(String.join("\n", rows));
        System.out.printf(Locale.ROOT, "median factor %.0f%n", (sorted[4] + sorted[5]) / 2);
        assertThat(failing.size()).as(SeedBudget.describe("W_hh x 3 keeps >= 10 times the gradient at k = 10", 10, 7,
                failing) + "\n" + String.join("\n", rows) + "\nfactors " + Arrays.toString(sorted))
                .isLessThanOrEqualTo(3);
    }
}
