package kit.grader.lesson6;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import kit.core.Layer;
import kit.core.Parameter;
import kit.grader.check.Seeds;
import kit.lesson6.PointerModels;

/**
 * The trained pointer models kept from one run to the next in the folder {@code -Dgrader.cache}
 * (the grader's {@code target/grader-cache}; the Verdict passes it), so that a run whose training
 * would be the same as the last one's loads the models instead of training them again: Lesson 7's
 * loop, where a student edits Lesson 7's code, not the models', saves about 4 s a run.
 *
 * <p>A saved model is used only if everything its training depends on is what it was, bit for bit.
 * Its key is a SHA-256 of: the library's class files, except Lessons 7 and 8 (Lesson 6's code may
 * use only the core and Lessons 1-5, which the gate's rules enforce), read from the folder the test
 * JVM actually loaded them from (after a blamed method is stubbed, that is another folder); the
 * grader's own class files; the grading seed; the model's name; and the JVM (name, vendor, version,
 * architecture), since {@code Math.exp} may differ in its last bit between JVMs. A saved model holds
 * every parameter's values and gradients as the training left them, the loss curves, the accuracy
 * and the seed, so the loaded model is the trained one. A file that does not match, or cannot be
 * read, is trained over.
 *
 * <p>Nobody but the grader writes here: library code may not touch files (the gate's rules), and
 * the instructor tools grade a fresh copy of the kit, where there is nothing saved.
 */
final class SavedModels {
    private static final int FORMAT = 1;
    private static final List<String> LATER_LESSONS = List.of("kit/lesson7/", "kit/lesson8/");
    private static String classes;   // the class files' part of every key, read once per JVM

    private SavedModels() {
    }

    /** The folder {@code -Dgrader.cache} names, or empty if it names none (nothing is kept then). */
    static Optional<Path> folder() {
        String folder = System.getProperty("grader.cache", "");
        return folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    /**
     * The model saved in {@code folder} as {@code name} by an earlier run with the same key, loaded
     * into {@code fresh} (a new model of the same shape); empty if there is none. After an empty
     * answer {@code fresh} may hold part of a saved model: train another.
     */
    static <M extends Layer<double[][], double[]>> Optional<TrainedPointerModels.Trained<M>> load(Path folder,
            String name, M fresh) {
        Path file = folder.resolve(name + ".model");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream bytes = Files.newInputStream(file); DataInputStream in = new DataInputStream(bytes)) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(key(name))) {
                return Optional.empty();
            }
            long seed = in.readLong();
            double accuracy = in.readDouble();
            double cpuSeconds = in.readDouble();
            double[] losses = readArray(in);
            double[] curve = readArray(in);
            List<Parameter> parameters = fresh.parameters();
            if (in.readInt() != parameters.size()) {
                return Optional.empty();
            }
            for (Parameter p : parameters) {
                if (in.readInt() != p.rows()) {
                    return Optional.empty();
                }
                for (int r = 0; r < p.rows(); r++) {
                    if (!readInto(in, p.value(r)) || !readInto(in, p.grad(r))) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(TrainedPointerModels.Trained.loaded(fresh, losses, curve, accuracy, seed, cpuSeconds));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // truncated or from another format: trained over
        }
    }

    /** Saves {@code trained} in {@code folder} as {@code name}, replacing what was saved there. */
    static void save(Path folder, String name, TrainedPointerModels.Trained<?> trained) {
        Path file = folder.resolve(name + ".model");
        Path partial = folder.resolve(name + ".model.partial");
        try {
            Files.createDirectories(folder);
            try (OutputStream bytes = Files.newOutputStream(partial); DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(FORMAT);
                out.writeUTF(key(name));
                out.writeLong(trained.seed());
                out.writeDouble(trained.accuracy());
                out.writeDouble(trained.cpuSeconds());
                writeArray(out, trained.losses());
                writeArray(out, trained.curve());
                List<Parameter> parameters = trained.model().parameters();
                out.writeInt(parameters.size());
                for (Parameter p : parameters) {
                    out.writeInt(p.rows());
                    for (int r = 0; r < p.rows(); r++) {
                        writeArray(out, p.value(r));
                        writeArray(out, p.grad(r));
                    }
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            System.out.println("(the trained " + name + " could not be saved for the next run: " + e.getMessage() + ")");
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a partial file is never read: only the whole file, moved into place, is
            }
        }
    }

    /** What the training of {@code name} depends on, as a SHA-256 in hex. */
    static String key(String name) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(name, String.valueOf(Seeds.base()), System.getProperty("java.vm.name"),
                    System.getProperty("java.vm.vendor"), System.getProperty("java.vm.version"),
                    System.getProperty("os.arch"))) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            sha.update(classes().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SHA-256 of the library's class files (but Lessons 7 and 8) and the grader's. */
    private static synchronized String classes() throws IOException, NoSuchAlgorithmException {
        if (classes == null) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digestClasses(sha, folderOf(PointerModels.class), LATER_LESSONS);
            digestClasses(sha, folderOf(SavedModels.class), List.of());
            digestClasses(sha, folderOf(Seeds.class), List.of());
            classes = HexFormat.of().formatHex(sha.digest());
        }
        return classes;
    }

    /** The class-path folder {@code type} was loaded from. */
    private static Path folderOf(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("where " + type.getName() + " was loaded from is unknown", e);
        }
    }

    /**
     * Adds every class file under {@code folder} (its path and bytes, in path order) but those under
     * {@code except}; for a jar (the grader's tests, as the kit's own runs use them), its bytes.
     */
    private static void digestClasses(MessageDigest sha, Path folder, List<String> except) throws IOException {
        sha.update(folder.toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(folder)) {
            sha.update(Files.readAllBytes(folder));
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String relative = folder.relativize(p).toString().replace('\\', '/');
                if (except.stream().noneMatch(relative::startsWith)) {
                    sha.update(relative.getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(p));
                }
            }
        }
    }

    private static void writeArray(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }

    /** Reads a saved row into {@code row}; false if the saved row has another length. */
    private static boolean readInto(DataInputStream in, double[] row) throws IOException {
        if (in.readInt() != row.length) {
            return false;
        }
        for (int i = 0; i < row.length; i++) {
            row[i] = Double.longBitsToDouble(in.readLong());
        }
        return true;
    }
}
