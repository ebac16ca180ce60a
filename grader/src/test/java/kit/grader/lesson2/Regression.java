package kit.grader.lesson2;

import java.util.Random;

import kit.core.Layer;
import kit.core.Loss;
import kit.core.Network;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson1.Sgd;
import kit.lesson1.Tanh;
import kit.lesson2.Sample;

/**
 * The experiments' shared set-up: a 1-16-k tanh network, one loss, plain SGD in two phases (a
 * learning rate, then a tenth of it to settle). Both heads of an experiment get the same network,
 * data and schedule; only the loss differs.
 *
 * <p>The head starts at the best constant fit: its output weights are Glorot as usual, its biases
 * are the logits of the constant that best fits the training targets (the mean for squared error,
 * the log of the mean count for Poisson, the mean and the softplus-inverse of the spread for the
 * Gaussian). Without that, a raw scale that happens to start near -3 gives sigma = 0.05 where the
 * noise is 2, and the first steps of the Gaussian head blow up.
 */
final class Regression {
    static final int HIDDEN = 16;

    private Regression() {
    }

    /** A two-phase schedule: {@code epochs} at {@code learningRate}, then {@code settle} at a tenth of it. */
    record Schedule(int epochs, int settle, int batchSize, double learningRate) {
    }

    /** Trains a fresh 1-16-k tanh network on {@code data}; {@code start} are the head's initial logits. */
    static Network<double[]> fit(Sample data, Loss loss, double[] start, Schedule schedule, Random rng) {
        Linear head = new Linear(HIDDEN, start.length, rng);
        System.arraycopy(start, 0, head.bias(), 0, start.length);
        Layer<double[], double[]> model = new Linear(1, HIDDEN, rng).then(new Tanh<>()).then(head);
        Network<double[]> net = new Network<>(model, loss);
        net.fit(data.inputs(), data.targets(), new Training(schedule.epochs(), schedule.batchSize()),
                new Sgd(schedule.learningRate()), rng);
        net.fit(data.inputs(), data.targets(), new Training(schedule.settle(), schedule.batchSize()),
                new Sgd(schedule.learningRate() / 10), rng);
        return net;
    }

    /** The midpoints of {@code n} equal cells of {@code [low, high]}: where the experiments evaluate. */
    static double[] grid(double low, double high, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + (high - low) * (i + 0.5) / n;
        }
        return x;
    }

    /** {@code log(e^s - 1)}: the raw scale whose softplus is {@code s}. */
    static double softplusInverse(double s) {
        return Math.log(Math.expm1(s));
    }
}
