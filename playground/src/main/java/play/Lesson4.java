package play;

import java.util.Random;

import kit.lesson1.Sgd;
import kit.core.Training;
import kit.lesson4.DelayedCopySource;
import kit.lesson4.FixedWindowModel;

/**
 * Lesson 4's "Things to try" start here: fixed-window models of every window size from 1 to 5 on
 * the lesson's delayed-copy source (order 3), held-out loss against the source's entropy rate
 * given that window. Change the source's order or copy probability, the embedding or the hidden
 * width.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson4
 * </pre>
 */
public final class Lesson4 {
    public static void main(String[] args) {
        DelayedCopySource source = DelayedCopySource.LESSON;
        Random rng = new Random(0);
        int[] train = source.sample(10_000, rng);
        int[] heldOut = source.sample(20_000, rng);
        System.out.printf("log V = %.4f nats%n", Math.log(source.alphabet()));
        for (int window = 1; window <= 5; window++) {
            FixedWindowModel model = new FixedWindowModel(source.alphabet(), window, 4, 16, rng);
            model.train(train, new Training(5, 1), new Sgd(0.02), rng);
            System.out.printf("window %d: %4d parameters, held-out %.4f nats, best possible %.4f%n", window,
                    model.parameterCount(), model.loss(heldOut), source.entropyGivenWindow(window));
        }
    }
}
