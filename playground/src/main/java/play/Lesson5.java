package play;

import java.util.Arrays;
import java.util.Random;

import kit.core.Training;
import kit.lesson1.Sgd;
import kit.lesson5.DelayedRecall;
import kit.lesson5.GradientClipping;
import kit.lesson5.GradientReach;
import kit.lesson5.SequenceClassifier;
import kit.lesson5.TextDemo;

/**
 * Lesson 5's "Things to try" start here: delayed recall at the lags you name, with the grader's
 * recipe (8 units, SGD 0.1, clipping at 5, 20 epochs over 100 sequences), printing per seed the
 * recall score {@code r = p(1 | bit 1) - p(1 | bit 0)} and the norm of a unit gradient pushed back
 * {@code lag} steps through the trained cell. With "text", the character model {@code TextDemo}.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson5                        # lags 6 and 16, 5 seeds, 8 units
 *   ./mvnw -q compile -Dplay=Lesson5 -Dplay.args="8 12 24"  # the lags you name
 *   ./mvnw -q compile -Dplay=Lesson5 -Dplay.args="text"     # TextDemo: a character model of Alice
 * </pre>
 */
public final class Lesson5 {
    static final int HIDDEN = 8;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("text")) {
            TextDemo.main(new String[0]);
            return;
        }
        int[] lags = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {6, 16};
        for (int lag : lags) {
            for (int seed = 0; seed < 5; seed++) {
                Random rng = new Random(seed);
                SequenceClassifier model = new SequenceClassifier(DelayedRecall.WIDTH, HIDDEN, 2, rng);
                DelayedRecall data = new DelayedRecall(lag, 100, rng);
                model.fit(data.inputs(), data.targets(), new Training(20, 1), new GradientClipping(5, new Sgd(0.1)), rng);
                double r = model.network().predict(DelayedRecall.sequence(1, lag))[1]
                        - model.network().predict(DelayedRecall.sequence(0, lag))[1];
                double[] unit = new double[HIDDEN];
                Arrays.fill(unit, 1 / Math.sqrt(HIDDEN));
                double reach = GradientReach.norms(model.cell(), DelayedRecall.sequence(1, lag), unit)[lag];
                System.out.printf("lag %2d, seed %d: r = %+.5f, gradient %d steps back %.2e%n", lag, seed, r, lag, reach);
            }
        }
    }
}
