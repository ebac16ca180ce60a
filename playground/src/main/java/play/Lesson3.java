package play;

import java.util.Random;

import kit.core.Network;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;
import kit.lesson1.Sgd;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson3.Conv2D;
import kit.lesson3.GlobalAvgPool;
import kit.lesson3.LabelledImages;
import kit.lesson3.ShapesTask;

/**
 * Lesson 3's "Things to try" start here: the lesson's 60-parameter CNN trained on the book's shapes
 * task ({@link ShapesTask#original()}) at the training positions and measured at the unseen ones,
 * with the grader's recipe (the grader draws its tasks from its seed: {@link ShapesTask#drawn}). Change the
 * kernel size, the channels or the pooling and see what survives the unseen positions.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson3                   # 4 channels, k = 3
 *   ./mvnw -q compile -Dplay=Lesson3 -Dplay.args="8 5" # 8 channels, k = 5
 * </pre>
 */
public final class Lesson3 {
    public static void main(String[] args) {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int kernel = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ShapesTask task = ShapesTask.original();
        LabelledImages train = task.train();
        LabelledImages test = task.test();
        for (int seed = 0; seed < 3; seed++) {
            Random rng = new Random(seed);
            Network<double[][][]> cnn = new Network<>(new Conv2D(1, channels, kernel, rng).then(new ReLU<>())
                    .then(new GlobalAvgPool()).then(new Linear(channels, ShapesTask.CLASSES, rng)), new SoftmaxCrossEntropy());
            long start = System.nanoTime();
            cnn.fit(train.images(), train.targets(), new Training(160, 1), new Sgd(0.3), rng);
            System.out.printf("seed %d: %d parameters, accuracy %.3f at training positions, %.3f at unseen ones (%.1f s)%n",
                    seed, cnn.parameterCount(), train.accuracy(cnn), test.accuracy(cnn), (System.nanoTime() - start) / 1e9);
        }
    }
}
