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
 * root (Gradescope's layout), the settings in {@code autograder.properties} ({@link GradingOptions}),
 * and the kit itself under {@code kit/}: what a grading reads (the library, the grader with its
 * copy of the given code, the build, the book's pages, the instructor tools), without build
 * output, version control, {@code solutions/}, the book's figures, {@code bench/}, {@code .ci/}
 * or {@code .github/}. Every text file is written with LF line ends,
 * whatever the checkout has, so a bundle built on Windows runs on Gradescope.
 * <pre>
 *   BuildAutograder KIT [--out FILE] [--timeout SECONDS] [--seed N|random] [--lessons all|1-3,5]
 *                   [--heap-maven SIZE] [--heap-tests SIZE] [-- GRADER-ARGS...]
 * </pre>
 */
public final class BuildAutograder {
    /** Folders of the kit a grading never reads (relative to its root). */
    static final List<Path> NOT_GRADED = List.of(Path.of("solutions"), Path.of("bench"), Path.of(".ci"),
            Path.of(".github"), Path.of("src", "site", "markdown", "figures"));

    private BuildAutograder() {
    }

    public static void main(String[] args) throws Exception {
        Kit.exitWithMessage("build-autograder", () -> buildFromCommandLine(args));
    }

    private static void buildFromCommandLine(String[] args) throws Exception {
        String usage = "usage: build-autograder [--out FILE] " + GradingOptions.USAGE;
        if (args.length < 1) {
            throw new IllegalArgumentException(usage);
        }
        long start = System.nanoTime();
        Path kit = Kit.root(Path.of(args[0]));
        Path out = kit.resolve("target").resolve("autograder.zip");
        GradingOptions options = GradingOptions.defaults(kit);
        for (int i = 1; i < args.length; ) {
            GradingOptions.Parsed parsed = options.parse(args, i);
            if (parsed != null) {
                options = parsed.options();
                i += parsed.used();
            } else if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[i + 1]).toAbsolutePath().normalize();
                i += 2;
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage);
            }
        }
        Kit.requirePristine(kit, "build-autograder");
        Properties settings = new Properties();
        options.store(settings);
        int files = build(kit, out, settings);
        System.out.printf("built %s: %d files, %d KB, in %.1f s (%s)%n", out, files,
                Files.size(out) / 1024, (System.nanoTime() - start) / 1e9, options.describe());
        System.out.println("upload it on Gradescope (Configure Autograder, Ubuntu 22.04 base image), with the "
                + "autograder timeout set above the time limit; the default container (768 MB, 1/2 CPU) is enough");
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
            for (String script : List.of("setup.sh", "run_autograder")) {
                Path file = gradescope.resolve(script);
                add(zip, script, Kit.withUnixLineEnds(file, Files.readAllBytes(file)), true);
            }
            StringWriter properties = new StringWriter();
            settings.store(properties, "the autograder's settings, written by build-autograder");
            add(zip, "autograder.properties", properties.toString().getBytes(StandardCharsets.UTF_8), false);
            for (Path f : kitFiles) {
                add(zip, "kit/" + kit.relativize(f).toString().replace('\\', '/'),
                        Kit.withUnixLineEnds(f, Files.readAllBytes(f)), Files.isExecutable(f) && !f.toString().endsWith(".java"));
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        return kitFiles.size() + 3;
    }

    /** Build output, version control, editors' files, what is built here anyway, and what grading never reads. */
    private static boolean excluded(Path relative) {
        for (Path folder : NOT_GRADED) {
            if (relative.startsWith(folder)) {
                return true;
            }
        }
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
