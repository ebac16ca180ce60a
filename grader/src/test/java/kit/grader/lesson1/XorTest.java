package kit.grader.lesson1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import kit.core.Layer;
import kit.core.Network;
import kit.core.Training;
import kit.grader.check.SeedBudget;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Linear;
import kit.lesson1.Sgd;
import kit.lesson1.SigmoidBCE;
import kit.lesson1.Tanh;
import kit.lesson1.TruthTable;

/**
 * The lesson's claim as behaviour, on truth tables {@linkplain Placed placed} in the plane by the
 * seed, so that no answer can be written in advance. Margins measured on the reference over the
 * grader's seeds for the default base and base seeds 1 to 20 (105 single-unit runs, 210 MLP runs,
 * 105 probes): the single unit classifies AND and OR with every probability at least 0.44 from 1/2
 * and ends XOR with every probability within 1e-9 of 1/2 (bar: within 0.05); the 2-8-1 MLP's XOR
 * loss after 10000 epochs is 1.5e-4 to 4.0e-4 (bar: 1e-3; on the unplaced square, 300 seeds: 1.7e-4
 * to 4.2e-4); every probe separates the hidden features. The original's 4000 epochs end at 5e-4 to
 * 9.6e-4 on the square, too close to the bar to grade on, so the budget trains 2.5 times longer.
 */
@Tag("lesson1")
@Order(6)
@DisplayName("XOR (Linear, Tanh, SigmoidBCE, Sgd)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XorTest {
    static final Training SINGLE_UNIT = new Training(2000, 4);
    static final Training MLP = new Training(10000, 4);
    static final double LEARNING_RATE = 0.5;

    /**
     * A truth table placed in the plane by the seed: its four corners rotated by a random angle about
     * the square's centre, scaled by 0.75 to 1.5, shifted by up to 0.5 each way, and its targets
     * inverted (NAND for AND, XNOR for XOR) on half the seeds. No line separates XOR's points however
     * they are placed, and a line separates AND's and OR's, so every claim holds on every placement;
     * but the points are not known in advance, so no weights written in advance solve them.
     */
    static final class Placed {
        private final TruthTable table;
        private final List<double[]> inputs;   // 4 points of length 2
        private final double[][] targets;      // 4 x 1

        Placed(TruthTable table, long seed) {
            Random rng = new Random(seed ^ 0x5851F42D4C957F2DL);
            double angle = 2 * Math.PI * rng.nextDouble();
            double scale = 0.75 + 0.75 * rng.nextDouble();
            double shiftX = rng.nextDouble() - 0.5;
            double shiftY = rng.nextDouble() - 0.5;
            boolean inverted = rng.nextBoolean();
            this.table = table;
            this.inputs = new ArrayList<>();
            for (double[] x : table.inputs()) {
                double u = x[0] - 0.5;
                double v = x[1] - 0.5;
                inputs.add(new double[] {0.5 + shiftX + scale * (Math.cos(angle) * u - Math.sin(angle) * v),
                        0.5 + shiftY + scale * (Math.sin(angle) * u + Math.cos(angle) * v)});
            }
            this.targets = table.targets();
            if (inverted) {
                for (double[] t : targets) {
                    t[0] = 1 - t[0];
                }
            }
        }

        List<double[]> inputs() {
            List<double[]> copy = new ArrayList<>();
            for (double[] x : inputs) {
                copy.add(x.clone());
            }
            return copy;
        }

        double[][] targets() {
            double[][] copy = new double[4][];
            for (int n = 0; n < 4; n++) {
                copy[n] = targets[n].clone();
            }
            return copy;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(table.name()).append(" at");
            for (int n = 0; n < 4; n++) {
                s.append(String.format(Locale.ROOT, " (%.2f, %.2f) -> %.0f", inputs.get(n)[0], inputs.get(n)[1],
                        targets[n][0]));
            }
            return s.toString();
        }
    }

    /** Trains {@code model} with SigmoidBCE on one truth table; returns the network. */
    static Network<double[]> train(Layer<double[], double[]> model, TruthTable table, Training training, Random rng) {
        Network<double[]> net = new Network<>(model, new SigmoidBCE());
        net.fit(table.inputs(), table.targets(), training, new Sgd(LEARNING_RATE), rng);
        return net;
    }

    /** Trains {@code model} with SigmoidBCE on one placed truth table; returns the network. */
    static Network<double[]> train(Layer<double[], double[]> model, Placed table, Training training, Random rng) {
        Network<double[]> net = new Network<>(model, new SigmoidBCE());
        net.fit(table.inputs(), table.targets(), training, new Sgd(LEARNING_RATE), rng);
        return net;
    }

    static double[] probabilities(Network<double[]> net, Placed table) {
        double[] p = new double[4];
        for (int n = 0; n < 4; n++) {
            p[n] = net.predict(table.inputs().get(n))[0];
        }
        return p;
    }

    static boolean classifiesAll(Network<double[]> net, Placed table) {
        double[] p = probabilities(net, table);
        double[][] y = table.targets();
        for (int n = 0; n < 4; n++) {
            if ((p[n] > 0.5) != (y[n][0] == 1)) {
                return false;
            }
        }
        return true;
    }

    static Layer<double[], double[]> hiddenLayer(Random rng) {
        return new Linear(2, 8, rng).then(new Tanh<>());
    }

    @Test
    @Order(1)
    @Points(5)
    @Hint("if AND or OR fails, the unit is not learning: check SigmoidBCE.gradient, Linear.backward and Sgd.step")
    void one_linear_unit_fits_AND_and_OR_but_ends_XOR_at_one_half_everywhere() {
        List<String> problems = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(5, seed -> {
            Random rng = new Random(seed);
            for (TruthTable truth : List.of(TruthTable.AND, TruthTable.OR)) {
                Placed table = new Placed(truth, seed);
                Network<double[]> unit = train(new Linear(2, 1, rng), table, SINGLE_UNIT, rng);
                if (!classifiesAll(unit, table)) {
                    problems.add(String.format(Locale.ROOT, "seed %d: %s not fitted, p = %s", seed, table,
                            java.util.Arrays.toString(probabilities(unit, table))));
                    return false;
                }
            }
            Placed xor = new Placed(TruthTable.XOR, seed);
            double[] p = probabilities(train(new Linear(2, 1, rng), xor, SINGLE_UNIT, rng), xor);
            for (double pn : p) {
                if (Math.abs(pn - 0.5) > 0.05) {
                    problems.add(String.format(Locale.ROOT, "seed %d: on %s p = %s, not all within 0.05 of 0.5",
                            seed, xor, java.util.Arrays.toString(p)));
                    return false;
                }
            }
            return true;
        });
        assertThat(failing).as(SeedBudget.describe("AND and OR fitted, XOR at 1/2", 5, 5, failing)
                + "\n" + String.join("\n", problems)).isEmpty();
    }

    @Test
    @Order(2)
    @Points(5)
    @Hint("a 2-8-1 tanh MLP must drive the XOR loss below 1e-3: check Tanh.backward and Linear.backward")
    void a_2_8_1_tanh_MLP_drives_the_XOR_loss_below_one_thousandth() {
        List<String> losses = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(10, seed -> {
            Random rng = new Random(seed);
            Placed xor = new Placed(TruthTable.XOR, seed);
            Network<double[]> mlp = train(hiddenLayer(rng).then(new Linear(8, 1, rng)), xor, MLP, rng);
            double loss = mlp.meanLoss(xor.inputs(), xor.targets());
            losses.add(String.format(Locale.ROOT, "%.2e", loss));
            return loss < 1e-3;
        });
        assertThat(failing.size())
                .as(SeedBudget.describe("XOR loss < 1e-3 after 10000 epochs", 10, 9, failing) + "; losses " + losses)
                .isLessThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    @Points(3)
    @Hint("after training, a fresh linear unit on the 8 hidden activations must classify all four XOR points")
    void the_trained_hidden_layer_makes_XOR_linearly_separable() {
        List<Long> failing = SeedBudget.failingSeeds(5, seed -> {
            Random rng = new Random(seed);
            Placed xor = new Placed(TruthTable.XOR, seed);
            Layer<double[], double[]> hidden = hiddenLayer(rng);
            train(hidden.then(new Linear(8, 1, rng)), xor, MLP, rng);
            List<double[]> features = new ArrayList<>();
            for (double[] x : xor.inputs()) {
                features.add(hidden.forward(x).output());
            }
            Network<double[]> probe = new Network<>(new Linear(8, 1, rng), new SigmoidBCE());
            probe.fit(features, xor.targets(), SINGLE_UNIT, new Sgd(LEARNING_RATE), rng);
            for (int n = 0; n < 4; n++) {
                if ((probe.predict(features.get(n))[0] > 0.5) != (xor.targets()[n][0] == 1)) {
                    return false;
                }
            }
            return true;
        });
        assertThat(failing).as(SeedBudget.describe("a linear unit separates the hidden XOR features", 5, 5, failing))
                .isEmpty();
    }
}
