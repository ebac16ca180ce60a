import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

import kit.lesson6.PointerModels;
import kit.lesson6.Recipe;

/**
 * The Lesson 6 pointer recipe as the graded test trains it ({@code PointerModels.train} on
 * {@code PointerModels.transformer(depth)} with {@code PointerModels.TRANSFORMER}), timed on this
 * thread's CPU. Used by {@code bench/transformer-vs-torch}; run with the library on the class path:
 * {@code java -cp CLASSES bench/PointerRecipe.java DEPTH EPOCHS REPEATS SEED}. Prints one line per
 * repeat: "java depth D epoch_ms CPU_MS wall_ms WALL_MS mb_per_epoch MB accuracy A".
 */
public class PointerRecipe {
    public static void main(String[] args) {
        int depth = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Recipe standard = PointerModels.TRANSFORMER;
        Recipe recipe = new Recipe(epochs, standard.batch(), standard.rate(), standard.warmupEpochs(), standard.beta2());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            Random rng = new Random(seed + r);
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            var trained = PointerModels.train(PointerModels.transformer(depth, rng), recipe, rng);
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / epochs;
            double wallMs = (System.nanoTime() - wall) / 1e6 / epochs;
            double mb = (threads.getCurrentThreadAllocatedBytes() - bytes) / 1e6 / epochs;
            System.out.printf(Locale.ROOT, "java depth %d epoch_ms %.1f wall_ms %.1f mb_per_epoch %.0f accuracy %.4f%n",
                    depth, cpuMs, wallMs, mb, trained.accuracy());
        }
    }
}
