package play;

import java.util.Random;

import kit.core.Layer;
import kit.core.Network;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson1.ReLU;
import kit.lesson1.Sgd;
import kit.lesson1.SigmoidBCE;
import kit.lesson1.Tanh;
import kit.lesson1.TruthTable;

/**
 * Lesson 1's "Things to try" start here: a 2-H-1 MLP trained on XOR on ten seeds, with the
 * lesson's recipe (learning rate 0.5, batches of 4), printing each seed's final loss and, for
 * {@code H = 2}, the hidden activations of the four points.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson1                          # H = 8, tanh, 10000 epochs
 *   ./mvnw -q compile -Dplay=Lesson1 -Dplay.args="2 tanh"     # two hidden units
 *   ./mvnw -q compile -Dplay=Lesson1 -Dplay.args="8 relu"     # ReLU instead of tanh
 * </pre>
 */
public final class Lesson1 {
    public static void main(String[] args) {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        boolean relu = args.length > 1 && args[1].equals("relu");
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        TruthTable xor = TruthTable.XOR;
        for (int seed = 0; seed < 10; seed++) {
            Random rng = new Random(seed);
            Linear first = new Linear(2, hidden, rng);
            Layer<double[], double[]> hiddenLayer = relu ? first.then(new ReLU<>()) : first.then(new Tanh<>());
            Network<double[]> net = new Network<>(hiddenLayer.then(new Linear(hidden, 1, rng)), new SigmoidBCE());
            double[] losses = net.fit(xor.inputs(), xor.targets(), new Training(epochs, 4), new Sgd(0.5), rng);
            System.out.printf("seed %d: H = %d %s, loss after %d epochs %.2e%n", seed, hidden, relu ? "relu" : "tanh",
                    epochs, losses[losses.length - 1]);
            if (hidden == 2) {
                for (double[] x : xor.inputs()) {
                    double[] h = hiddenLayer.forward(x).output();
                    System.out.printf("    (%.0f, %.0f) -> hidden (%+.3f, %+.3f)%n", x[0], x[1], h[0], h[1]);
                }
            }
        }
    }
}
