package play;

import java.util.Random;

import kit.core.Loss;
import kit.core.Network;
import kit.core.Training;
import kit.lesson1.Linear;
import kit.lesson1.Sgd;
import kit.lesson1.Tanh;
import kit.lesson2.MSELoss;
import kit.lesson2.PoissonCounts;
import kit.lesson2.PoissonNLLLoss;
import kit.lesson2.Sample;

/**
 * Lesson 2's "Things to try" start here: the same 1-16-1 tanh network fitted to Poisson counts
 * with the Poisson head and with squared error, printing what each predicts against the true rate.
 * Swap the losses, the data ({@code Heteroscedastic}) or the learning rate and watch the heads.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson2
 *   ./mvnw -q compile -Dplay=Lesson2 -Dplay.args="50"     # 50 examples instead of 400
 * </pre>
 */
public final class Lesson2 {
    public static void main(String[] args) {
        int examples = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Random rng = new Random(1);
        Sample data = PoissonCounts.sample(examples, rng);
        Network<double[]> poisson = fit(data, new PoissonNLLLoss(), rng);
        Network<double[]> squared = fit(data, new MSELoss(), rng);
        System.out.println("   x   true rate   Poisson head   squared-error head");
        for (double x = 0.1; x < PoissonCounts.HIGH; x += 0.3) {
            System.out.printf("%4.1f   %9.3f   %12.3f   %17.3f%n", x, PoissonCounts.rate(x),
                    poisson.predict(data.input(x))[0], squared.predict(data.input(x))[0]);
        }
    }

    private static Network<double[]> fit(Sample data, Loss loss, Random rng) {
        Network<double[]> net = new Network<>(new Linear(1, 16, rng).then(new Tanh<>()).then(new Linear(16, 1, rng)), loss);
        net.fit(data.inputs(), data.targets(), new Training(200, 4), new Sgd(0.01), rng);
        return net;
    }
}
