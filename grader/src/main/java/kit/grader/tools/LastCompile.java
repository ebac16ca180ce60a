package kit.grader.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the gate's last compile left in the library folder, so the next run after a small edit
 * compiles only the files that changed ({@link LibraryCompiler}) and reads with javac's parser only
 * the files it has not already found in place ({@link GivenTree}).
 *
 * <p>Per library file (its path under {@code src/main/java}): the digest of the text compiled, the
 * class files it was compiled into, and the digest of the last rebuilt file {@link GivenTree} found
 * in place. It is trusted only when the grader's own code and given code are what they were and the
 * library folder is byte for byte what the last compile left; otherwise it is empty and everything
 * is compiled and read again. It lives in the student's build folder and speeds up only the
 * student's own runs: the instructor's tools grade a fresh copy of the sources, so it never exists there.
 */
final class LastCompile {
    static final String FILE = "last-compile.properties";
    private final Map<Path, String> compiled = new TreeMap<>();       // source -> digest of the text in the classes
    private final Map<Path, List<String>> classFiles = new HashMap<>();   // source -> its class files, relative to classes
    private final Set<String> inPlace = new HashSet<>();              // digests of rebuilt files GivenTree found in place

    private LastCompile() {
    }

    /** Nothing compiled yet: compile and read everything. */
    static LastCompile none() {
        return new LastCompile();
    }

    /**
     * The record in {@code file}, if it was written by the same grader ({@code grader}, a digest of
     * its code and given code) and {@code libraryDigest} is the library folder's digest it recorded;
     * else {@link #none()}.
     */
    static LastCompile load(Path file, String grader, String libraryDigest) throws IOException {
        LastCompile last = new LastCompile();
        if (!Files.isRegularFile(file)) {
            return last;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            return last;   // not a file this class wrote
        }
        if (!grader.equals(p.getProperty("grader")) || libraryDigest.isEmpty()
                || !libraryDigest.equals(p.getProperty("library"))) {
            return last;
        }
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("compiled.")) {
                Path source = Path.of(key.substring("compiled.".length()));
                last.compiled.put(source, p.getProperty(key));
                String files = p.getProperty("classes." + source, "");
                last.classFiles.put(source, files.isEmpty() ? List.of() : Arrays.asList(files.split(",")));
            } else if (key.startsWith("inplace.")) {
                last.inPlace.add(p.getProperty(key));
            }
        }
        return last;
    }

    /** Writes the record, for a library folder whose digest is {@code libraryDigest}. */
    void store(Path file, String grader, String libraryDigest) throws IOException {
        Properties p = new Properties();
        p.setProperty("grader", grader);
        p.setProperty("library", libraryDigest);
        for (Map.Entry<Path, String> e : compiled.entrySet()) {
            String source = e.getKey().toString().replace('\\', '/');
            p.setProperty("compiled." + source, e.getValue());
            p.setProperty("classes." + source, String.join(",", classFiles.getOrDefault(e.getKey(), List.of())));
        }
        int i = 0;
        for (String digest : inPlace.stream().sorted().toList()) {
            p.setProperty("inplace." + i++, digest);
        }
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "what the grader's first step compiled last; delete it to compile everything");
        }
    }

    /** Whether nothing is known: everything must be compiled. */
    boolean isEmpty() {
        return compiled.isEmpty();
    }

    /** Whether the classes of {@code source} were compiled from exactly {@code text}. */
    boolean holds(Path source, String text) {
        return digest(text).equals(compiled.get(source));
    }

    /** Deletes the class files of {@code source} from {@code classes}: it is about to be compiled again. */
    void forget(Path source, Path classes) throws IOException {
        for (String name : classFiles.getOrDefault(source, List.of())) {
            Files.deleteIfExists(classes.resolve(name));
        }
        compiled.remove(source);
        classFiles.remove(source);
    }

    /** Notes that {@code source}, as {@code text}, was compiled into {@code written} (files in {@code classes}). */
    void record(Path source, String text, List<Path> written, Path classes) {
        compiled.put(source, digest(text));
        List<String> names = new ArrayList<>();
        for (Path p : written) {
            names.add(classes.relativize(p).toString().replace('\\', '/'));
        }
        classFiles.put(source, names);
    }

    /** Whether {@link GivenTree} found the rebuilt file {@code key} (see {@link #key}) in place before. */
    boolean readBefore(String key) {
        return inPlace.contains(key);
    }

    /** Notes that {@link GivenTree} found the rebuilt file {@code key} in place. */
    void read(String key) {
        inPlace.add(key);
    }

    /** Keeps only what {@link GivenTree} found in place among {@code keys} (the files of this run). */
    void keepRead(Set<String> keys) {
        inPlace.retainAll(keys);
    }

    /** A rebuilt file's identity for {@link GivenTree}: its path, given text and every region's text. */
    static String key(Submissions.Rebuilt file) {
        StringBuilder all = new StringBuilder(file.relative().toString()).append('\0').append(file.generated());
        for (Submissions.Region r : file.regions()) {
            all.append('\0').append(r.text());
        }
        return digest(all.toString());
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
