package play;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import kit.core.NotImplementedYet;
import kit.lesson1.Linear;

/**
 * The playground's first file: anything goes here (timers, prints, files, threads), none of it is
 * graded, and the library's rules do not apply. Run it with {@code ./mvnw -q compile -Dplay=Hello};
 * copy it to start your own ({@code -Dplay=YourClass}, arguments with {@code -Dplay.args="1 2"}).
 */
public final class Hello {
    public static void main(String[] args) throws IOException, InterruptedException {
        Linear layer = new Linear(2, 8, new Random(0));
        long start = System.nanoTime();
        Thread worker = new Thread(() -> System.out.println("a thread says hello"));
        worker.start();
        worker.join();
        try {
            double[] y = layer.affine(new double[] {1, -1});
            System.out.printf("Linear(2 -> 8) maps (1, -1) to %d numbers, y[0] = %.4f%n", y.length, y[0]);
        } catch (NotImplementedYet e) {
            System.out.println("Linear.affine is not started yet: " + e.method());
        }
        Path note = Path.of("playground", "target", "hello.txt");
        Files.createDirectories(note.getParent());
        Files.writeString(note, "written by play.Hello\n");
        System.out.printf("wrote %s; took %.1f ms%n", note.toAbsolutePath(), (System.nanoTime() - start) / 1e6);
    }
}
