package kit.grader.lesson3;

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
import kit.core.Training;
import kit.grader.check.SeedBudget;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;
import kit.lesson1.Sgd;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson3.Conv2D;
import kit.lesson3.Flatten;
import kit.lesson3.GlobalAvgPool;
import kit.lesson3.LabelledImages;
import kit.lesson3.PixelPermutation;
import kit.lesson3.ShapesTask;

/**
 * The lesson's claim as behaviour, on shapes tasks drawn from the grader's seed
 * ({@link ShapesTask#drawn}: four different strokes of three pixels, 25 training positions drawn so
 * that every row and column of positions has one; 100 training images, 300 test images at the 75
 * unseen positions), one task per seed shared by the three tests. A task fixed in advance (the book's
 * four bars) could be passed by a convolution that recognises the known templates by their pixels;
 * a drawn one can only be learned. The CNN's logits must also be what its weights compute
 * ({@link CnnByHand}, to 1e-9 on every test image): a forward that classifies some other way fails
 * every seed. Both models train with softmax cross-entropy (Lesson 2's {@link SoftmaxCrossEntropy}),
 * plain SGD, batch 1, learning rate 0.3: the CNN 160 epochs, the MLP 80. (With 80 epochs the CNN is
 * still learning on some drawn tasks: 19 of 120 ended below 0.85, the worst at 0.63; with 160 the
 * worst of the same 120 was 0.893. The MLP fits its training set within 80.)
 *
 * <p>Budgets, and the margins measured on the reference over the default base seed and base seeds 1
 * to 45 ({@code -Dgrader.seed=N}: 230 runs of the first test, 138 of the second):
 * <ul>
 *   <li>positions held out, 5 seeds, 4 must pass: the CNN's test accuracy must reach 0.80
 *       (reference: 0.840 to 1.000, median 0.990, 5th percentile 0.937; the two lowest 0.840 and 0.877,
 *       on tasks where it also fits only 0.87 and 0.88 of its training set, which is why one seed may
 *       fail); the MLP must fit its training set (at least 0.95; reference 1.000, twice 0.990) and stay
 *       at most 0.40 on the test set (chance is 0.25; reference 0.087 to 0.257, median 0.173: below
 *       chance, since a test image's pixels were lit in training by templates of other classes).</li>
 *   <li>a fixed pixel permutation and the MLP, 3 seeds, all must pass: trained on permuted pixels
 *       from permuted initial weights, it gives the logits of the MLP trained on the original pixels
 *       to within 1e-6 (reference: at most 2.0e-9; only the order in which a sum is added differs, and
 *       training carries the last bits along), the same prediction on every test image (reference:
 *       always), and the original MLP fits its training set (at least 0.95; reference: 1.000 in all 60
 *       runs measured, base seeds 26 to 45), so that two models that learned nothing do not pass by
 *       agreeing.</li>
 *   <li>a fixed pixel permutation and the CNN, 3 seeds, 2 must pass (the same rare slow training):
 *       test accuracy at least 0.80 on the original pixels (the held-out test's CNN of the seed, so
 *       its figures above) and at most 0.50 on permuted ones (a CNN trained on them from
 *       {@code new Random(seed + 2)}; reference over the default base seed and base seeds 1 to 25, 78
 *       runs: 0.217 to 0.260, chance).</li>
 * </ul>
 * On the book's task ({@link ShapesTask#original()}, 100 runs and 60 of the permuted CNN, base seeds 1
 * to 20) the same recipe gives: CNN 0.977 to 1.000, median 0.993; MLP 0.207 to 0.313, training set
 * always fitted; permuted CNN 0.197 to 0.283.
 */
@Tag("lesson3")
@Order(6)
@DisplayName("Shapes at unseen positions (Conv2D, GlobalAvgPool, Flatten)")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShapesTest {
    /** The CNN's epochs: on some drawn tasks it is still learning after 80 (see the class comment). */
    static final Training CNN_TRAINING = new Training(160, 1);
    /** The MLP's epochs: it fits every training image within 80. */
    static final Training MLP_TRAINING = new Training(80, 1);
    static final double LEARNING_RATE = 0.3;
    static final double CNN_BAR = 0.80;
    static final double MLP_CEILING = 0.40;
    static final double PERMUTED_CNN_CEILING = 0.50;
    static final double MLP_FIT = 0.95;
    /** How far the permuted MLP's logits may be from the original's: rounding, carried through training. */
    static final double SAME_LOGITS = 1e-6;
    /** Salt for the task's generator, so that the task and the networks' weights draw different numbers. */
    static final long TASK_SALT = 0x3C6EF372FE94F82AL;

    /** The task of {@code seed}: four templates and the training positions, drawn from it. */
    static ShapesTask task(long seed) {
        return ShapesTask.drawn(new Random(seed ^ TASK_SALT));
    }

    /** conv 1 -> 4, k = 3, ReLU, global average pooling, linear 4 -> 4: 40 + 20 = 60 parameters. */
    static Network<double[][][]> cnn(Random rng) {
        return new Network<>(new Conv2D(1, 4, 3, rng).then(new ReLU<>()).then(new GlobalAvgPool())
                .then(new Linear(4, ShapesTask.CLASSES, rng)), new SoftmaxCrossEntropy());
    }

    /** 144 pixels -> 32 ReLU units -> 4 logits: 4640 + 132 = 4772 parameters. */
    static Network<double[][][]> mlp(Linear first, Random rng) {
        return new Network<>(new Flatten().then(first).then(new ReLU<>()).then(new Linear(32, ShapesTask.CLASSES, rng)),
                new SoftmaxCrossEntropy());
    }

    static Network<double[][][]> trained(Network<double[][][]> net, Training training, LabelledImages data, Random rng) {
        net.fit(data.images(), data.targets(), training, new Sgd(LEARNING_RATE), rng);
        return net;
    }

    /** One seed's task with its training and test images. */
    record Data(ShapesTask task, LabelledImages train, LabelledImages test) {
        Data(ShapesTask task) {
            this(task, task.train(), task.test());
        }
    }

    /** The held-out experiment's pair on one seed: a CNN, then an MLP, trained from one generator. */
    record HeldOut(Data data, Network<double[][][]> cnn, Network<double[][][]> mlp, double cnnMillis) {
    }

    /** An MLP on the original pixels and one on permuted pixels from permuted initial weights. */
    record PermutedMlps(Data data, PixelPermutation permutation, Network<double[][][]> original,
            Network<double[][][]> permuted) {
    }

    /** A CNN on the original pixels and one on permuted pixels. */
    record PermutedCnns(Data data, PixelPermutation permutation, Network<double[][][]> original,
            Network<double[][][]> permuted) {
    }

    // Each seed's networks are trained once and kept: a seed's task is drawn once for all three tests.
    private static final Map<Long, Data> DATA = new ConcurrentHashMap<>();
    private static final Map<Long, HeldOut> HELD_OUT = new ConcurrentHashMap<>();
    private static final Map<Long, PermutedMlps> PERMUTED_MLPS = new ConcurrentHashMap<>();
    private static final Map<Long, PermutedCnns> PERMUTED_CNNS = new ConcurrentHashMap<>();

    static Data data(long seed) {
        return DATA.computeIfAbsent(seed, s -> new Data(task(s)));
    }

    static HeldOut heldOut(long seed) {
        return HELD_OUT.computeIfAbsent(seed, s -> {
            Data data = data(s);
            Random rng = new Random(s);
            long start = System.nanoTime();
            Network<double[][][]> cnn = trained(cnn(rng), CNN_TRAINING, data.train(), rng);
            double cnnMillis = (System.nanoTime() - start) / 1e6;
            Network<double[][][]> mlp = trained(mlp(new Linear(144, 32, rng), rng), MLP_TRAINING, data.train(), rng);
            return new HeldOut(data, cnn, mlp, cnnMillis);
        });
    }

    static PixelPermutation permutation(long seed) {
        return PixelPermutation.random(1, ShapesTask.CANVAS, ShapesTask.CANVAS, new Random(~seed));
    }

    static PermutedMlps permutedMlps(long seed) {
        return PERMUTED_MLPS.computeIfAbsent(seed, s -> permutedMlps(data(s), s));
    }

    /** The MLP pair on {@code data}, trained now (the figures train it on the book's task). */
    static PermutedMlps permutedMlps(Data data, long seed) {
        PixelPermutation permutation = permutation(seed);
        Random rngA = new Random(seed);
        Random rngB = new Random(seed);
        Linear firstA = new Linear(144, 32, rngA);
        Linear firstB = new Linear(144, 32, rngB);
        for (double[] row : firstB.weights()) {
            System.arraycopy(permutation.apply(row), 0, row, 0, row.length);
        }
        Network<double[][][]> a = mlp(firstA, rngA);
        Network<double[][][]> b = mlp(firstB, rngB);
        trained(a, MLP_TRAINING, data.train(), new Random(seed + 1));
        trained(b, MLP_TRAINING, data.train().permuted(permutation), new Random(seed + 1));
        return new PermutedMlps(data, permutation, a, b);
    }

    /**
     * The CNN pair of {@code seed}: the held-out test's CNN of that seed on the original pixels (the
     * same recipe, trained once), and one on permuted pixels from a generator of its own.
     */
    static PermutedCnns permutedCnns(long seed) {
        return PERMUTED_CNNS.computeIfAbsent(seed, s -> {
            Data data = data(s);
            PixelPermutation permutation = permutation(s);
            Random rng = new Random(s + 2);
            Network<double[][][]> permuted = trained(cnn(rng), CNN_TRAINING, data.train().permuted(permutation), rng);
            return new PermutedCnns(data, permutation, heldOut(s).cnn(), permuted);
        });
    }

    /** The CNN pair on {@code data}, trained now (the figures train it on the book's task). */
    static PermutedCnns permutedCnns(Data data, long seed) {
        PixelPermutation permutation = permutation(seed);
        Random rng = new Random(seed);
        Network<double[][][]> original = trained(cnn(rng), CNN_TRAINING, data.train(), rng);
        Network<double[][][]> permuted = trained(cnn(rng), CNN_TRAINING, data.train().permuted(permutation), rng);
        return new PermutedCnns(data, permutation, original, permuted);
    }

    /** Nothing when the CNN's logits are its weights' ({@link CnnByHand}); else what is wrong. */
    static String notItsWeights(double forwardError) {
        return forwardError <= CnnByHand.TOLERANCE ? "" : String.format(Locale.ROOT, "; but its logits are not what "
                + "its weights compute (conv, ReLU, mean, linear): they differ by up to %.2e on a test image", forwardError);
    }

    @Test
    @Order(1)
    @Points(6)
    @Hint("the CNN must recognise the templates at positions it never saw: if it fails, run the Conv2D, "
            + "ReLU and GlobalAvgPool tests first; if the MLP fails, check Flatten")
    void a_60_parameter_CNN_recognises_shapes_at_unseen_positions_and_a_4772_parameter_MLP_does_not() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(5, ShapesTest::heldOut, (seed, pair) -> {
            Network<double[][][]> cnn = pair.cnn();
            Network<double[][][]> mlp = pair.mlp();
            double cnnMillis = pair.cnnMillis();
            Data data = pair.data();
            double cnnTest = data.test().accuracy(cnn);
            double mlpTrain = data.train().accuracy(mlp);
            double mlpTest = data.test().accuracy(mlp);
            double forwardError = CnnByHand.forwardError(cnn, data.test());
            String run = String.format(Locale.ROOT,
                    "seed %d (%s): CNN (%d parameters) test %.3f, train %.3f; MLP (%d parameters) test %.3f, train %.3f;"
                    + " CNN %.1f ms an epoch%s", seed, data.task(), cnn.parameterCount(), cnnTest,
                    data.train().accuracy(cnn), mlp.parameterCount(), mlpTest, mlpTrain, cnnMillis / CNN_TRAINING.epochs(),
                    notItsWeights(forwardError));
            System.out.println(run);
            runs.add(run);
            return cnnTest >= CNN_BAR && mlpTrain >= MLP_FIT && mlpTest <= MLP_CEILING
                    && forwardError <= CnnByHand.TOLERANCE;
        });
        assertThat(failing).as(SeedBudget.describe(String.format(Locale.ROOT,
                "CNN test accuracy >= %.2f (with the logits of its weights), MLP train accuracy >= %.2f and MLP test "
                + "accuracy <= %.2f", CNN_BAR, MLP_FIT, MLP_CEILING), 5, 4, failing) + "\n" + String.join("\n", runs)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("with its first-layer weights permuted like the pixels, the MLP trained on permuted images must compute "
            + "the same logits as the MLP on the original images: check Flatten's order")
    void a_fixed_pixel_permutation_leaves_the_MLP_computing_the_same_function() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(3, ShapesTest::permutedMlps, (seed, pair) -> {
            // given two MLPs with the same initial weights, except that B's first layer is permuted like the pixels,
            // when A learns the original pixels and B the permuted ones, visiting examples in the same order
            Network<double[][][]> a = pair.original();
            Network<double[][][]> b = pair.permuted();
            LabelledImages test = pair.data().test();
            LabelledImages permutedTest = test.permuted(pair.permutation());
            // then they compute the same logits, up to the order in which a sum was added up
            double worst = 0;
            int disagree = 0;
            for (int n = 0; n < test.size(); n++) {
                double[] za = a.logits(test.images().get(n));
                double[] zb = b.logits(permutedTest.images().get(n));
                for (int i = 0; i < za.length; i++) {
                    worst = Math.max(worst, Math.abs(za[i] - zb[i]));
                }
                disagree += LabelledImages.argmax(za) == LabelledImages.argmax(zb) ? 0 : 1;
            }
            double accuracyA = test.accuracy(a);
            double accuracyB = permutedTest.accuracy(b);
            // and A has learned its training set (a model that learned nothing would compute the same as B, too)
            double trainA = pair.data().train().accuracy(a);
            String run = String.format(Locale.ROOT, "seed %d: MLP (%d parameters) test %.3f on the original pixels, "
                    + "%.3f on permuted pixels; largest logit difference %.1e; %d different predictions; train %.3f",
                    seed, a.parameterCount(), accuracyA, accuracyB, worst, disagree, trainA);
            System.out.println(run);
            runs.add(run);
            return worst <= SAME_LOGITS && disagree == 0 && accuracyA == accuracyB && trainA >= MLP_FIT;
        });
        assertThat(failing).as(SeedBudget.describe(String.format(Locale.ROOT, "same logits (within %.0e) and "
                + "predictions, and train accuracy >= %.2f", SAME_LOGITS, MLP_FIT), 3, 3, failing)
                + "\n" + String.join("\n", runs)).isEmpty();
    }

    @Test
    @Order(3)
    @Points(3)
    @Hint("the CNN must do well on the original pixels and fall to near chance on permuted ones: "
            + "if it does not, run the Conv2D, ReLU and GlobalAvgPool tests first")
    void a_fixed_pixel_permutation_breaks_the_CNN() {
        List<String> runs = new ArrayList<>();
        List<Long> failing = SeedBudget.failingSeeds(3, ShapesTest::permutedCnns, (seed, pair) -> {
            Network<double[][][]> original = pair.original();
            Network<double[][][]> permuted = pair.permuted();
            LabelledImages test = pair.data().test();
            double before = test.accuracy(original);
            double after = test.permuted(pair.permutation()).accuracy(permuted);
            double forwardError = Math.max(CnnByHand.forwardError(original, test),
                    CnnByHand.forwardError(permuted, test.permuted(pair.permutation())));
            String run = String.format(Locale.ROOT, "seed %d: CNN (%d parameters) test %.3f on the original pixels, "
                    + "%.3f on permuted pixels%s", seed, original.parameterCount(), before, after,
                    notItsWeights(forwardError));
            System.out.println(run);
            runs.add(run);
            return before >= CNN_BAR && after <= PERMUTED_CNN_CEILING && forwardError <= CnnByHand.TOLERANCE;
        });
        assertThat(failing).as(SeedBudget.describe(String.format(Locale.ROOT,
                "CNN test accuracy >= %.2f on the original pixels and <= %.2f on permuted ones (with the logits of its "
                + "weights)",
                CNN_BAR, PERMUTED_CNN_CEILING), 3, 2, failing) + "\n" + String.join("\n", runs)).hasSizeLessThanOrEqualTo(1);
    }
}
