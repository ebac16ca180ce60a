package kit.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The student's library files in a submission, whatever its shape: the whole repository, its
 * {@code exercises/} folder, or just the {@code kit/} package folders (or their files). A file is
 * placed by its {@code package} declaration and name, so folders do not matter; only files that
 * exist in the kit's library are taken (so nothing else a student changed can reach the grading),
 * and a file the submission lacks stays as the kit's stub. Zip files inside the submission are
 * opened if it has no library files otherwise. Nothing outside the submission is ever read: a
 * symbolic link (to a file, a folder or a zip) is not followed, and a zip entry whose path leaves the
 * folder it is unpacked into is not unpacked; each is named in {@link #ignored}.
 */
final class Submission {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*;",
            Pattern.MULTILINE);
    private static final List<String> NEVER = List.of("solutions", "grader", "instructor", "target", "__MACOSX");

    /** Where a library file (e.g. {@code kit/lesson1/Linear.java}) comes from in the submission. */
    final Map<String, Path> taken = new TreeMap<>();
    /** Submission files not taken, each with the reason. */
    final List<String> ignored = new ArrayList<>();
    private Submission() {
    }

    /** Finds the library files in {@code dir}, measured against the kit's pristine library. */
    static Submission find(Path dir, Path library, Path scratch) throws IOException {
        Submission s = new Submission();
        s.scan(dir, library);
        if (s.taken.isEmpty()) {
            List<Path> zips;
            try (Stream<Path> all = Files.walk(dir)) {
                zips = all.filter(p -> p.toString().toLowerCase().endsWith(".zip")
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (int i = 0; i < zips.size(); i++) {
                Path unzipped = scratch.resolve("zip" + i);
                s.unzip(zips.get(i), dir.relativize(zips.get(i)).toString(), unzipped);
                s.scan(unzipped, library);
            }
        }
        return s;
    }

    /** Replaces the pristine library's files with the submission's. */
    void copyInto(Path library) throws IOException {
        for (Map.Entry<String, Path> e : taken.entrySet()) {
            Path target = library.resolve(e.getKey()).normalize();
            if (!target.startsWith(library.normalize()) || Files.isSymbolicLink(e.getValue())) {
                throw new IllegalStateException("not copied, it leaves the submission: " + e.getValue());
            }
            Files.copy(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
    }

    private void scan(Path root, Path library) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {   // never into a linked folder
            files = all.filter(p -> !p.equals(root)).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path link : files.stream().filter(Files::isSymbolicLink).toList()) {
            if (!inSkippedFolder(root.relativize(link))) {
                ignored.add(root.relativize(link) + " (a symbolic link: nothing outside the submission is read)");
            }
        }
        files = files.stream().filter(p -> p.getFileName().toString().endsWith(".java")
                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        Map<String, Path> candidates = new TreeMap<>();
        for (Path file : files) {
            String shown = root.relativize(file).toString();
            if (file.getFileName().toString().startsWith("._") || inSkippedFolder(root.relativize(file))) {
                continue;
            }
            String pkg = packageOf(file);
            if (pkg == null) {
                ignored.add(shown + " (no package declaration)");
                continue;
            }
            String target = pkg.replace('.', '/') + "/" + file.getFileName();
            if (!Files.isRegularFile(library.resolve(target), LinkOption.NOFOLLOW_LINKS)) {
                ignored.add(shown + " (not a file of the kit's library: " + target + ")");
                continue;
            }
            Path previous = candidates.get(target);
            if (previous == null || preferred(file, previous)) {
                if (previous != null) {
                    ignored.add(root.relativize(previous) + " (another copy of " + target + " was taken)");
                }
                candidates.put(target, file);
            } else {
                ignored.add(shown + " (another copy of " + target + " was taken)");
            }
        }
        candidates.forEach(taken::putIfAbsent);
    }

    /** Of two copies of one file, the one under exercises/src/main/java, else the shallower. */
    private static boolean preferred(Path a, Path b) {
        boolean aInLibrary = a.toString().replace('\\', '/').contains("exercises/src/main/java/");
        boolean bInLibrary = b.toString().replace('\\', '/').contains("exercises/src/main/java/");
        if (aInLibrary != bInLibrary) {
            return aInLibrary;
        }
        return a.getNameCount() < b.getNameCount();
    }

    private static boolean inSkippedFolder(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (NEVER.contains(name) || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String packageOf(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        text = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        Matcher m = PACKAGE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Unpacks the {@code .java} entries of {@code zip} (shown as {@code shown}) into {@code to}, and no path outside it. */
    private void unzip(Path zip, String shown, Path to) throws IOException {
        Files.createDirectories(to);
        try (InputStream in = Files.newInputStream(zip, LinkOption.NOFOLLOW_LINKS); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                Path target = to.resolve(e.getName()).normalize();
                if (!target.startsWith(to.normalize()) || Path.of(e.getName()).isAbsolute()) {
                    ignored.add(shown + ": " + e.getName() + " (its path leaves the folder it is unpacked into)");
                    continue;
                }
                if (e.isDirectory() || !e.getName().endsWith(".java")) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("could not open " + zip.getFileName() + ": " + e.getMessage());
        }
    }
}
