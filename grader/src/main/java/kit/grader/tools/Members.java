package kit.grader.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which class declares the member a reference names, found as the JVM resolves it: the named class,
 * then its superclasses, then its interfaces. The library's classes are read from the compiled
 * library, the JDK's from its own class files ({@code jrt:/}); nothing is loaded. The {@link Rules}
 * judge the member by its declaring class, so a method a library class inherits from the JDK
 * ({@code getStackTrace} of a local {@code RuntimeException}) is judged as the JDK's.
 */
final class Members {
    /** What one class declares: its supertypes and its members ({@code name} for fields, {@code name + descriptor} for methods). */
    private record Declared(String superName, List<String> interfaces, Set<String> fields, Set<String> methods) {
    }

    private final Path library;
    private final FileSystem jdk = FileSystems.getFileSystem(URI.create("jrt:/"));
    private final Map<String, Optional<Declared>> known = new HashMap<>();

    Members(Path library) {
        this.library = library;
    }

    /**
     * The class that declares {@code name} (with {@code descriptor}, for a method) as seen from
     * {@code owner}, or {@code owner} itself if it cannot be told (then the owner is judged).
     */
    String declaring(String owner, String name, String descriptor, boolean field) {
        if (owner.startsWith("[") || name.equals("<init>") || name.equals("<clinit>")) {
            return owner;
        }
        String found = find(owner, field ? name : name + descriptor, field, new HashSet<>());
        return found == null ? owner : found;
    }

    private String find(String type, String member, boolean field, Set<String> seen) {
        if (type == null || !seen.add(type)) {
            return null;
        }
        Optional<Declared> d = declared(type);
        if (d.isEmpty()) {
            return null;
        }
        if ((field ? d.get().fields() : d.get().methods()).contains(member)) {
            return type;
        }
        String fromSuper = find(d.get().superName(), member, field, seen);
        if (fromSuper != null) {
            return fromSuper;
        }
        for (String i : d.get().interfaces()) {
            String fromInterface = find(i, member, field, seen);
            if (fromInterface != null) {
                return fromInterface;
            }
        }
        return null;
    }

    private Optional<Declared> declared(String type) {
        return known.computeIfAbsent(type, t -> bytesOf(t).map(Members::read));
    }

    /** The class file of {@code type}: the library's for kit classes, else the JDK's; never from anywhere else. */
    private Optional<byte[]> bytesOf(String type) {
        try {
            if (type.startsWith("kit/")) {
                Path file = library.resolve(type + ".class");
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
            int slash = type.lastIndexOf('/');
            Path packages = jdk.getPath("/packages", slash < 0 ? "" : type.substring(0, slash).replace('/', '.'));
            if (slash < 0 || !Files.isDirectory(packages)) {
                return Optional.empty();
            }
            try (Stream<Path> modules = Files.list(packages)) {
                for (Path module : modules.toList()) {
                    Path file = jdk.getPath("/modules", module.getFileName().toString(), type + ".class");
                    if (Files.isRegularFile(file)) {
                        return Optional.of(Files.readAllBytes(file));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The supertypes and members a class file declares. */
    private static Declared read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.getInt();
        in.getInt();
        Object[] pool = new Object[in.getShort() & 0xFFFF];
        int[] classNameIndex = new int[pool.length];
        for (int i = 1; i < pool.length; i++) {
            int tag = in.get();
            switch (tag) {
                case 1 -> {
                    byte[] utf = new byte[in.getShort() & 0xFFFF];
                    in.get(utf);
                    pool[i] = new String(utf, StandardCharsets.UTF_8);
                }
                case 7 -> classNameIndex[i] = in.getShort() & 0xFFFF;
                case 8, 16, 19, 20 -> in.getShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.getInt();
                case 5, 6 -> {
                    in.getLong();
                    i++;
                }
                case 15 -> {
                    in.get();
                    in.getShort();
                }
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            }
        }
        in.getShort();
        in.getShort();
        int superIndex = in.getShort() & 0xFFFF;
        String superName = superIndex == 0 ? null : (String) pool[classNameIndex[superIndex]];
        List<String> interfaces = new ArrayList<>();
        for (int n = in.getShort() & 0xFFFF; n > 0; n--) {
            interfaces.add((String) pool[classNameIndex[in.getShort() & 0xFFFF]]);
        }
        List<Set<String>> members = List.of(new HashSet<>(), new HashSet<>());
        for (int kind = 0; kind < 2; kind++) {
            for (int n = in.getShort() & 0xFFFF; n > 0; n--) {
                in.getShort();
                String name = (String) pool[in.getShort() & 0xFFFF];
                String descriptor = (String) pool[in.getShort() & 0xFFFF];
                members.get(kind).add(kind == 0 ? name : name + descriptor);
                for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
                    in.getShort();
                    int length = in.getInt();
                    in.position(in.position() + length);
                }
            }
        }
        return new Declared(superName, interfaces, members.get(0), members.get(1));
    }
}
