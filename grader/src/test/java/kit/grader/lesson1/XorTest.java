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
 * The lesson's claim as behaviour. Margins measured on the reference over 300 seeds of the
 * grader's sequence: the single unit classifies AND and OR with every probability at least 0.47
 * from 1/2 and ends XOR with every probability at 1/2 to printing precision (bar: within 0.05);
 * the 2-8-1 MLP's XOR loss after 10000 epochs is 1.7e-4 to 4.2e-4 (bar: 1e-3). The original's
 * 4000 epochs end at 5e-4 to 9.6e-4 here, too close to the bar to grade on, so the budget trains
 * 2.5 times longer.
 */
@Tag("lesson1")
@Order(6)
@DisplayName("XOR (Linear, Tanh, SigmoidBCE, Sgd)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class XorTest {
    static final Training SINGLE_UNIT = new Training(2000, 4);
    static final Training MLP = new Training(10000, 4);
    static final double LEARNING_RATE = 0.5;

    /** Trains {@code model} with SigmoidBCE on one truth table; returns the network. */
    static Network<double[]> train(Layer<double[], double[]> model, TruthTable table, Training training, Random rng) {
        Network<double[]> net = new Network<>(model, new SigmoidBCE());
        net.fit(table.inputs(), table.targets(), training, new Sgd(LEARNING_RATE), rng);
        return net;
    }

    static double[] probabilities(Network<double[]> net, TruthTable table) {
        double[] p = new double[4];
        for (int n = 0; n < 4; n++) {
            p[n] = net.predict(table.inputs().get(n))[0];
        }
        return p;
    }

    static boolean classifiesAll(Network<double[]> net, TruthTable table) {
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
            for (TruthTable table : List.of(TruthTable.AND, TruthTable.OR)) {
                Network<double[]> unit = train(new Linear(2, 1, rng), table, SINGLE_UNIT, rng);
                if (!classifiesAll(unit, table)) {
                    problems.add(String.format(Locale.ROOT, "seed %d: %s not fitted, p = %s", seed, table,
                            java.util.Arrays.toString(probabilities(unit, table))));
                    return false;
                }
            }
            double[] p = probabilities(train(new Linear(2, 1, rng), TruthTable.XOR, SINGLE_UNIT, rng), TruthTable.XOR);
            for (double pn : p) {
                if (Math.abs(pn - 0.5) > 0.05) {
                    problems.add(String.format(Locale.ROOT, "seed %d: on XOR p = %s, not all within 0.05 of 0.5",
                            seed, java.util.Arrays.toString(p)));
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
            Network<double[]> mlp = train(hiddenLayer(rng).then(new Linear(8, 1, rng)), TruthTable.XOR, MLP, rng);
            double loss = mlp.meanLoss(TruthTable.XOR.inputs(), TruthTable.XOR.targets());
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
            Layer<double[], double[]> hidden = hiddenLayer(rng);
            train(hidden.then(new Linear(8, 1, rng)), TruthTable.XOR, MLP, rng);
            List<double[]> features = new ArrayList<>();
            for (double[] x : TruthTable.XOR.inputs()) {
                features.add(hidden.forward(x).output());
            }
            Network<double[]> probe = new Network<>(new Linear(8, 1, rng), new SigmoidBCE());
            probe.fit(features, TruthTable.XOR.targets(), SINGLE_UNIT, new Sgd(LEARNING_RATE), rng);
            for (int n = 0; n < 4; n++) {
                if ((probe.predict(features.get(n))[0] > 0.5) != (TruthTable.XOR.targets()[n][0] == 1)) {
                    return false;
                }
            }
            return true;
        });
        assertThat(failing).as(SeedBudget.describe("a linear unit separates the hidden XOR features", 5, 5, failing))
                .isEmpty();
    }
}
