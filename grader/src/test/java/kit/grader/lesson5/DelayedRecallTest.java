package kit.grader.lesson5;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
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

import kit.core.Training;
import kit.grader.check.SeedBudget;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Sgd;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson4.FixedWindowModel;
import kit.lesson5.DelayedRecall;
import kit.lesson5.GradientClipping;
import kit.lesson5.GradientReach;
import kit.lesson5.SequenceClassifier;

/**
 * What can be learned has a horizon. Delayed recall with zero filler: a bit at step 0, {@code lag}
 * zero steps, recall the bit at the end. An RNN with 8 units and a linear head, trained by SGD (learning
 * rate 0.1, batch 1, global clipping at 5) for 20 epochs over 100 sequences, loss at the last step only.
 * With zero filler there are two sequences in all, so a model is judged on both exactly: it recalls
 * the bit when it gives each sequence its own bit as the most probable answer, and its answer depends
 * on the bit by {@code r = p(1 | bit 1) - p(1 | bit 0)}, 0 for a model that ignores the bit. Beside
 * each result the test prints the norm of a unit gradient pushed back {@code lag} steps through the
 * trained cell. Lesson 4's fixed-window model, trained the same way on the same task as tokens, is the
 * contrast: a window of {@code N} tokens sees the bit only if {@code lag < N}.
 *
 * <p>Calibration on the reference, 300 seeds of the grader's sequence and 300 of base seed 1: lag 6
 * and lag 8 are recalled on every seed (r at least 0.999 at lag 6); lag 10 on 97%, 12 on 88%, 16 on
 * 56%, 24 on 19%, 32 on 9%, 64 on 1.7% and 3% (5 and 9 seeds). Replaying the exact budgets for the
 * default base seed and base seeds 1 to 40: lag 6 recalled on all 410 runs; at lag 64, 15 of 410 seeds
 * recalled the bit, at most 3 in one budget of 10 (bar: at most 4), and every other seed had
 * {@code |r| < 4e-5} (bar 0.05). The few long-lag successes are cells that training pushed into a
 * two-state memory (the fresh cells do not hold the bit). A window of 6 gives both bits exactly the
 * same answer on 100 of 100 seeds, and a window of 7 recalls lag 6 on 100 of 100.
 *
 * <p>Zero filler keeps the comparison with a fixed window exact. The issue expected random distractor
 * bits to be easier to learn past than zero filler; in Java, over 100 to 300 seeds, they are not
 * (lag 32: 6 of 100 recalled with distractors, 28 of 300 with zero filler), and distractors would make
 * the window model's blindness statistical instead of exact.
 */
@Tag("lesson5")
@Order(6)
@DisplayName("Delayed recall (RNN, RNNCell, GradientClipping)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DelayedRecallTest {
    static final int HIDDEN = 8;
    static final int SHORT_LAG = 6;
    static final int LONG_LAG = 64;
    static final Training TRAINING = new Training(20, 1);

    /** What one trained model says about the task: {@code r}, whether both bits are recalled, and the reach. */
    record Recall(double r, boolean recalled, double reach) {
        String describe(long seed, int lag) {
            return String.format(Locale.ROOT, "seed %d, lag %d: %s, r = %.2e, gradient norm %d steps back %.1e",
                    seed, lag, recalled ? "recalled" : "not recalled", r, lag, reach);
        }
    }

    private static final Map<Long, Recall> SHORT = new ConcurrentHashMap<>();
    private static final Map<Long, Recall> LONG = new ConcurrentHashMap<>();
    private static final Map<String, Recall> WINDOWS = new ConcurrentHashMap<>();

    /** The short-lag run of {@code seed}, trained once and shared by the tests and the figures. */
    static Recall shortLag(long seed) {
        return SHORT.computeIfAbsent(seed, s -> train(SHORT_LAG, s));
    }

    /** The long-lag run of {@code seed}, trained once and shared with the figures. */
    static Recall longLag(long seed) {
        return LONG.computeIfAbsent(seed, s -> train(LONG_LAG, s));
    }

    /** A window of {@code window} tokens on the short lag, trained once per seed and shared with the figures. */
    static Recall windowAtShortLag(int window, long seed) {
        return WINDOWS.computeIfAbsent(window + " " + seed, key -> trainWindow(SHORT_LAG, window, seed));
    }

    static Recall train(int lag, long seed) {
        Random rng = new Random(seed);
        SequenceClassifier model = new SequenceClassifier(DelayedRecall.WIDTH, HIDDEN, 2, rng);
        DelayedRecall data = new DelayedRecall(lag, 100, rng);
        model.fit(data.inputs(), data.targets(), TRAINING, new GradientClipping(5, new Sgd(0.1)), rng);
        double[] p0 = model.network().predict(DelayedRecall.sequence(0, lag));
        double[] p1 = model.network().predict(DelayedRecall.sequence(1, lag));
        double[] unit = new double[HIDDEN];
        Arrays.fill(unit, 1 / Math.sqrt(HIDDEN));
        double reach = GradientReach.norms(model.cell(), DelayedRecall.sequence(1, lag), unit)[lag];
        return new Recall(p1[1] - p0[1], p0[0] > p0[1] && p1[1] > p1[0], reach);
    }

    @Test
    @Order(1)
    @Points(4)
    @Hint("a bit 6 steps back must be recalled on every seed: if the gradient checks pass, check that RNN.backward "
            + "carries dL/dh back through every step and that clip only ever shrinks the gradient")
    void a_bit_six_steps_back_is_recalled_on_every_seed() {
        List<String> rows = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(5, DelayedRecallTest::shortLag, (seed, recall) -> {
            rows.add(recall.describe(seed, SHORT_LAG));
            return recall.recalled();
        });
        System.out.println(String.join("\n", rows));
        assertThat(failing).as(SeedBudget.describe("lag 6 recalled", 5, 5, failing) + "\n" + String.join("\n", rows))
                .isEmpty();
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("the recipe that recalls a bit 6 steps back must, on most seeds, leave a bit 64 steps back out of reach: "
            + "if lag 6 fails too, fix that first")
    void the_same_recipe_that_recalls_six_steps_back_cannot_reach_sixty_four_steps_back() {
        List<String> rows = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(10, seed -> new Recall[] {shortLag(seed), longLag(seed)}, (seed, lags) -> {
            Recall near = lags[0];
            Recall far = lags[1];
            rows.add(near.describe(seed, SHORT_LAG) + "\n    " + far.describe(seed, LONG_LAG));
            return near.recalled() && Math.abs(far.r()) < 0.05;
        });
        System.out.println(String.join("\n", rows));
        assertThat(failing.size()).as(SeedBudget.describe(
                "lag 6 recalled and at lag 64 the answer ignores the bit (|r| < 0.05)", 10, 6, failing)
                + "\n" + String.join("\n", rows)).isLessThanOrEqualTo(4);
    }

    /** Lesson 4's model on the same task, as tokens (bit 0 or 1, filler 2): {@code r} and whether it recalls. */
    static Recall trainWindow(int lag, int window, long seed) {
        Random rng = new Random(seed);
        FixedWindowModel model = new FixedWindowModel(3, window, 2, HIDDEN, rng);
        DelayedRecall data = new DelayedRecall(lag, 100, rng);
        List<double[][]> windows = new ArrayList<>();
        double[][] targets = new double[data.size()][];
        for (int n = 0; n < data.size(); n++) {
            windows.add(lastWindow(data.bit(n), lag, window));
            targets[n] = SoftmaxCrossEntropy.oneHot(data.bit(n), 3);
        }
        model.network().fit(windows, targets, TRAINING, new Sgd(0.1), rng);
        double[] p0 = model.network().predict(lastWindow(0, lag, window));
        double[] p1 = model.network().predict(lastWindow(1, lag, window));
        boolean recalled = p0[0] > Math.max(p0[1], p0[2]) && p1[1] > Math.max(p1[0], p1[2]);
        return new Recall(p1[1] - p0[1], recalled, Double.NaN);
    }

    /** The last {@code window} tokens of the bit followed by {@code lag} filler tokens, one-hot. */
    static double[][] lastWindow(int bit, int lag, int window) {
        int[] stream = new int[lag + 1];
        Arrays.fill(stream, 2);
        stream[0] = bit;
        return FixedWindowModel.oneHotWindow(stream, stream.length, window, 3);
    }

    @Test
    @Order(3)
    @Points(2)
    @Hint("Lesson 4's window of 6 tokens cannot see a bit 6 steps back, whatever it learns; the RNN, with the same "
            + "recipe, must recall it: if only the RNN part fails, fix lag 6 first")
    void a_window_of_six_tokens_cannot_see_a_bit_six_steps_back_which_the_RNN_recalls() {
        List<String> rows = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(5, seed -> {
            Recall rnn = shortLag(seed);
            Recall blind = windowAtShortLag(SHORT_LAG, seed);
            Recall seeing = windowAtShortLag(SHORT_LAG + 1, seed);
            rows.add(String.format(Locale.ROOT, "seed %d, lag 6: RNN r = %.3f; window of 6 r = %s; window of 7 r = %.3f",
                    seed, rnn.r(), blind.r(), seeing.r()));
            return rnn.recalled() && blind.r() == 0 && seeing.recalled();
        });
        System.out.println(String.join("\n", rows));
        assertThat(failing).as(SeedBudget.describe("the RNN and a window of 7 recall lag 6; a window of 6 gives both bits "
                + "exactly the same answer (r = 0)", 5, 5, failing) + "\n" + String.join("\n", rows)).isEmpty();
    }
}
