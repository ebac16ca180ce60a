package kit.instructor;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Builds Gradescope's {@code autograder.zip}: {@code setup.sh} and {@code run_autograder} at the
 * root (Gradescope's layout), the settings in {@code autograder.properties}, and the kit itself
 * under {@code kit/} (without build output or version control; with solutions/, which the
 * grader's given-code check compares a submission against).
 * <pre>
 *   BuildAutograder KIT [--out FILE] [--timeout SECONDS] [-- GRADER-ARGS...]
 * </pre>
 */
public final class BuildAutograder {
    private BuildAutograder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: build-autograder [--out FILE] [--timeout SECONDS] [-- GRADER-ARGS...]");
        }
        long start = System.nanoTime();
        Path kit = Kit.root(Path.of(args[0]));
        Path out = kit.resolve("target").resolve("autograder.zip");
        Properties settings = new Properties();
        settings.setProperty("timeout.seconds", String.valueOf(Autograde.DEFAULT_TIMEOUT_SECONDS));
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--timeout" -> settings.setProperty("timeout.seconds", String.valueOf(Long.parseLong(args[++i])));
                case "--" -> {
                    for (int k = i + 1; k < args.length; k++) {
                        settings.setProperty("maven.arg." + (k - i - 1), args[k]);
                    }
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String stale = Kit.exercisesStale(kit);
        if (stale != null) {
            throw new IllegalStateException("exercises/ is not what the generator makes from solutions/; "
                    + "regenerate it before building the autograder:\n" + stale);
        }
        int files = build(kit, out, settings);
        System.out.printf("built %s: %d files, %d KB, in %.1f s (time limit %s s per grading%s)%n", out, files,
                Files.size(out) / 1024, (System.nanoTime() - start) / 1e9, settings.getProperty("timeout.seconds"),
                settings.containsKey("maven.arg.0") ? ", grader arguments " + Autograde.mavenArgs(settings) : "");
        System.out.println("upload it on Gradescope (Configure Autograder, Ubuntu 22.04 base image), with the "
                + "autograder timeout set above the time limit");
    }

    static int build(Path kit, Path out, Properties settings) throws IOException {
        Files.createDirectories(out.getParent());
        Path gradescope = kit.resolve("instructor").resolve("gradescope");
        List<Path> kitFiles = new ArrayList<>();
        try (Stream<Path> all = Files.walk(kit)) {
            all.filter(Files::isRegularFile).filter(p -> !excluded(kit.relativize(p))).sorted().forEach(kitFiles::add);
        }
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // The JDK's zip file system keeps Unix permissions, so the scripts stay executable.
        try (FileSystem zip = FileSystems.newFileSystem(partial,
                Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            add(zip, "setup.sh", Files.readAllBytes(gradescope.resolve("setup.sh")), true);
            add(zip, "run_autograder", Files.readAllBytes(gradescope.resolve("run_autograder")), true);
            StringWriter properties = new StringWriter();
            settings.store(properties, "the autograder's settings, written by build-autograder");
            add(zip, "autograder.properties", properties.toString().getBytes(StandardCharsets.UTF_8), false);
            for (Path f : kitFiles) {
                add(zip, "kit/" + kit.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f),
                        Files.isExecutable(f) && !f.toString().endsWith(".java"));
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        return kitFiles.size() + 3;
    }

    /** Build output, version control, editors' files, and what is built here anyway. */
    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            if (Kit.skipped(part)) {
                return true;
            }
        }
        return relative.getFileName().toString().endsWith(".zip");
    }

    private static void add(FileSystem zip, String name, byte[] content, boolean executable) throws IOException {
        Path entry = zip.getPath(name);
        if (entry.getParent() != null) {
            Files.createDirectories(entry.getParent());
        }
        Files.write(entry, content);
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
