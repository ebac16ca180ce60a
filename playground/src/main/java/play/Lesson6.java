package play;

import java.util.Random;

import kit.core.Layer;
import kit.lesson6.PointerModels;
import kit.lesson6.PointerTask;

/**
 * Lesson 6's "Things to try" start here: one model trained on the pointer task by the kit's
 * recipe, on the grader's default seed (20261123), printing the mean training loss of every 32
 * optimiser steps (the curve the lesson's figure draws and its page's table quotes) and the
 * accuracy on all 2048 inputs. Change the depth, the mask or the recipe in {@code PointerModels}.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson6                    # the 2-layer transformer
 *   ./mvnw -q compile -Dplay=Lesson6 -Dplay.args="1"    # 1 layer
 *   ./mvnw -q compile -Dplay=Lesson6 -Dplay.args="mlp"  # the MLP
 *   ./mvnw -q compile -Dplay=Lesson6 -Dplay.args="2 7"  # 2 layers on seed 7
 * </pre>
 */
public final class Lesson6 {
    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "2";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261123L;
        Random rng = new Random(seed);
        Layer<double[][], double[]> layer = model.equals("mlp") ? PointerModels.mlp(rng)
                : PointerModels.transformer(Integer.parseInt(model), rng);
        long start = System.nanoTime();
        PointerModels.Trained trained = PointerModels.train(layer,
                model.equals("mlp") ? PointerModels.MLP : PointerModels.TRANSFORMER, rng);
        double[] curve = trained.curve();
        StringBuilder steps = new StringBuilder("step");
        StringBuilder losses = new StringBuilder("loss");
        for (int i = 0; i < curve.length && i < 24; i++) {
            steps.append(String.format("%7d", (i + 1) * PointerModels.CURVE_STEPS));
            losses.append(String.format("%7.3f", curve[i]));
        }
        System.out.println(steps + " ...\n" + losses + " ...");
        System.out.printf("model %s, seed %d: accuracy %.4f on all %d inputs after %d steps (%.1f s)%n", model, seed,
                trained.accuracy(), PointerTask.SIZE, curve.length * PointerModels.CURVE_STEPS, (System.nanoTime() - start) / 1e9);
    }
}
