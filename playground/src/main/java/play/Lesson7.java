package play;

import java.util.Random;

import kit.lesson6.PointerModels;
import kit.lesson6.PointerTask;
import kit.lesson6.Transformer;
import kit.lesson7.FlipProbe;
import kit.lesson7.FlipRates;
import kit.lesson7.Patching;

/**
 * Lesson 7's "Things to try" start here: the 2-layer pointer model trained as in Lesson 6 (default
 * seed), its flip probe, and the recovery table of activation patching for one clean input and
 * the input with the addressed cell flipped. Try other inputs, other models, other corruptions.
 *
 * <pre>
 *   ./mvnw -q compile -Dplay=Lesson7
 *   ./mvnw -q compile -Dplay=Lesson7 -Dplay.args="1234"   # input number 1234 of 2048
 * </pre>
 */
public final class Lesson7 {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 165;
        Random rng = new Random(20261123L);
        Transformer model = PointerModels.transformer(2, rng);
        PointerModels.Trained trained = PointerModels.train(model, PointerModels.TRANSFORMER, rng);
        FlipRates rates = FlipProbe.measure(x -> model.forward(x).output());
        System.out.printf("accuracy %.4f; flip probe: follows the addressed cell %.4f, changes with another cell %.4f%n",
                trained.accuracy(), rates.tracksAddressed(), rates.otherChanges());
        double[][] clean = PointerTask.sequence(n);
        double[][] corrupt = FlipProbe.flip(clean, PointerTask.address(n));
        double[][] table = Patching.recoveryTable(model, clean, corrupt, PointerTask.answer(n));
        System.out.printf("input %d (address %d, answer %d); recovery by layer (rows) and position (columns):%n", n,
                PointerTask.address(n), PointerTask.answer(n));
        for (int l = 0; l < table.length; l++) {
            StringBuilder row = new StringBuilder(String.format("layer %d:", l));
            for (double r : table[l]) {
                row.append(String.format("%7.3f", r));
            }
            System.out.println(row);
        }
    }
}
