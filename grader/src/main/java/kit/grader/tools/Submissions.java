package kit.grader.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A submission read against the given code that ships with the grader ({@code grader/given/}, see
 * {@link GenerateExercises}): each stub's place found in the student's file (the given lines between
 * stubs are located, whitespace ignored, and whatever lies between them is the student's), and the
 * library rebuilt from the given code and those regions. It never reads {@code solutions/}, so a
 * student's copy without the reference is graded exactly like the kit. {@link GivenTree} then holds
 * each region to javac's reading of the rebuilt file, and {@link Gate} compiles it.
 */
final class Submissions {
    private static final Pattern STUB = Pattern.compile("^\\s*throw new kit\\.core\\.NotImplementedYet\\(");
    private static final Pattern STUB_METHOD = Pattern.compile("NotImplementedYet\\(\\d+, \"([^\"]*)\"");

    private Submissions() {
    }

    /** Given code that does not line up with the generated file, at {@code line} of the submitted file. */
    static final class Misaligned extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Misaligned(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** One stub's place in a submitted file: its method, its stub, its first line there, and its text. */
    record Region(String method, String stubLine, int studentLine, String text) {
    }

    /** One rebuilt library file. */
    record Rebuilt(Path relative, String generated, List<Region> regions) {
        /**
         * The rebuilt source: each region filled in, except those in {@code stubbed} (by index),
         * which keep their stub; records in {@code rebuiltStarts} the line where each region starts.
         */
        String source(Set<Integer> stubbed, Map<Integer, Integer> rebuiltStarts) {
            StringBuilder out = new StringBuilder();
            int k = 0;
            int line = 1;
            for (String given : generated.split("\n", -1)) {
                if (isStub(given)) {
                    rebuiltStarts.put(k, line);
                    String text = stubbed.contains(k) ? given : regions.get(k).text();
                    out.append(text).append('\n');
                    line += (int) text.chars().filter(c -> c == '\n').count() + 1;
                    k++;
                } else {
                    out.append(given).append('\n');
                    line++;
                }
            }
            return out.substring(0, out.length() - 1);
        }

        /** How the file is shown to the student. */
        String shown() {
            return "exercises/src/main/java/" + relative.toString().replace('\\', '/');
        }
    }

    /** The whole submission, rebuilt: files, and what grading forgives or refuses. */
    record Submission(List<Rebuilt> files, List<String> notes, List<String> refusals) {
    }

    static boolean isStub(String line) {
        return STUB.matcher(line).find();
    }

    /**
     * Rebuilds every given file from its generated form ({@code given}) and the regions submitted
     * under {@code submitted}. A file reached through a symbolic link (or a link among its folders)
     * is not read: it is graded with its stubs, with a note.
     */
    static Submission rebuild(Path given, Path submitted) throws IOException {
        List<Rebuilt> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        // exercises/src/main/java and the folders above it, up to exercises/, are no links either
        boolean linkedTree = java.util.stream.Stream.iterate(submitted, Path::getParent).limit(4).anyMatch(Files::isSymbolicLink);
        for (Path source : GenerateExercises.javaFiles(given)) {
            Path relative = given.relativize(source);
            String generated = Files.readString(source, StandardCharsets.UTF_8);
            Path student = submitted.resolve(relative);
            Rebuilt shown = new Rebuilt(relative, generated, List.of());
            List<Region> regions = stubsOf(generated);
            if (!Files.exists(student, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                notes.add(shown.shown() + " is missing: graded as given, with its stubs not started");
            } else if (linkedTree || !insideWithoutLinks(submitted, relative)) {
                notes.add(shown.shown() + " is a symbolic link (or lies behind one) and is ignored: "
                        + "graded as given, with its stubs not started");
            } else {
                try {
                    regions = regions(generated, Files.readString(student, StandardCharsets.UTF_8));
                } catch (Misaligned e) {
                    refusals.add(shown.shown() + ":" + e.line + ": changes given code: " + e.getMessage()
                            + " (write code only where the stubs were)");
                } catch (java.nio.charset.MalformedInputException e) {
                    refusals.add(shown.shown() + " is not UTF-8 text");
                }
            }
            files.add(new Rebuilt(relative, generated, regions));
        }
        for (Path extra : linkedTree ? List.<Path>of() : GenerateExercises.javaFiles(submitted)) {
            if (!Files.exists(given.resolve(submitted.relativize(extra)))) {
                notes.add("exercises/src/main/java/" + submitted.relativize(extra).toString().replace('\\', '/')
                        + " was added and is ignored: only code in the stubs' places is graded "
                        + "(write helpers inside your method, as lambdas or local classes)");
            }
        }
        return new Submission(files, notes, refusals);
    }

    /** True if {@code dir/relative} is a regular file reached without following any symbolic link. */
    static boolean insideWithoutLinks(Path dir, Path relative) throws IOException {
        Path p = dir;
        for (Path name : relative) {
            p = p.resolve(name);
            if (Files.isSymbolicLink(p)) {
                return false;
            }
        }
        return Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    static List<Region> stubsOf(String generated) {
        List<Region> stubs = new ArrayList<>();
        for (String line : generated.split("\n", -1)) {
            if (isStub(line)) {
                stubs.add(new Region(methodOf(line), line, 0, line));
            }
        }
        return stubs;
    }

    private static String methodOf(String stubLine) {
        Matcher m = STUB_METHOD.matcher(stubLine);
        return m.find() ? m.group(1) : "?";
    }

    /**
     * The submitted text in each stub's place: the given lines between stubs are found in the
     * submission (whitespace, blank lines, {@code //} comment lines and comments added at the end of
     * a given line ignored), and whatever lies between them is the student's. Throws, naming the first given line not where it should be, if they are not all
     * there, in order.
     */
    static List<Region> regions(String generated, String submitted) throws Misaligned {
        List<List<String>> segments = new ArrayList<>();  // given lines between stubs, stripped
        List<String> stubLines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : generated.split("\n", -1)) {
            if (isStub(line)) {
                segments.add(current);
                stubLines.add(line);
                current = new ArrayList<>();
            } else if (!ignored(line)) {
                current.add(line.strip());
            }
        }
        segments.add(current);
        String[] raw = submitted.split("\r\n|\r|\n", -1);   // javac's line ends: a lone \r ends a line too
        List<Integer> at = new ArrayList<>();    // indices of non-blank submitted lines
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            if (!ignored(raw[i])) {
                at.add(i);
                keys.add(raw[i].strip());
            }
        }
        int[] starts = new int[segments.size()];
        int[] ends = new int[segments.size()];
        int from = 0;
        for (int s = 0; s < segments.size(); s++) {
            List<String> segment = segments.get(s);
            boolean first = s == 0;
            boolean last = s == segments.size() - 1;
            int found = first ? 0 : last ? keys.size() - segment.size() : indexOf(keys, segment, from);
            if (!first && (found < from || !matches(keys, segment, found))) {
                found = bestMatch(keys, segment, from);
            }
            for (int k = 0; k < segment.size(); k++) {
                if (found + k >= keys.size() || !sameLine(keys.get(found + k), segment.get(k))) {
                    throw misaligned(raw, at, found + k, segments.get(s).get(k));
                }
            }
            if (last && found + segment.size() != keys.size()) {
                throw misaligned(raw, at, found + segment.size(), null);
            }
            starts[s] = found;
            ends[s] = found + segment.size();
            from = ends[s];
        }
        List<Region> regions = new ArrayList<>();
        for (int k = 0; k < stubLines.size(); k++) {
            int firstLine = ends[k] == 0 ? 0 : at.get(ends[k] - 1) + 1;
            int endLine = starts[k + 1] < at.size() ? at.get(starts[k + 1]) : raw.length;
            String text = String.join("\n", Arrays.asList(raw).subList(firstLine, Math.max(firstLine, endLine)));
            regions.add(new Region(methodOf(stubLines.get(k)), stubLines.get(k), firstLine + 1, text));
        }
        return regions;
    }

    /** Where {@code segment} matches the longest run of its first lines, at or after {@code from}. */
    private static int bestMatch(List<String> keys, List<String> segment, int from) {
        int best = from;
        int bestLength = -1;
        for (int i = from; i < keys.size(); i++) {
            int n = 0;
            while (n < segment.size() && i + n < keys.size() && sameLine(keys.get(i + n), segment.get(n))) {
                n++;
            }
            if (n > bestLength) {
                best = i;
                bestLength = n;
            }
        }
        return best;
    }

    private static boolean matches(List<String> keys, List<String> segment, int at) {
        if (at < 0 || at + segment.size() > keys.size()) {
            return false;
        }
        for (int k = 0; k < segment.size(); k++) {
            if (!sameLine(keys.get(at + k), segment.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first given line not in its place: at the submitted line {@code keyIndex} (among the
     * lines not {@link #ignored}), or just before it where the student turned it into a comment.
     * {@code given} is the given line expected there, or null for the end of the file.
     */
    private static Misaligned misaligned(String[] raw, List<Integer> at, int keyIndex, String given) {
        String expected = given == null ? "the end of the file" : "\"" + given + "\"";
        int line = keyIndex >= at.size() ? raw.length : at.get(keyIndex);
        for (int i = line - 1; given != null && i >= 0 && ignored(raw[i]); i--) {
            String text = raw[i].strip();
            if (text.startsWith("//") && key(text.substring(2)).equals(key(given))) {
                return new Misaligned(i + 1, "\"" + text + "\" where the given code has " + expected);
            }
        }
        if (keyIndex >= at.size()) {
            return new Misaligned(raw.length, "the file ends where the given code has " + expected);
        }
        return new Misaligned(line + 1, "\"" + raw[line].strip() + "\" where the given code has " + expected);
    }

    private static int indexOf(List<String> lines, List<String> segment, int from) {
        for (int i = from; i + segment.size() <= lines.size(); i++) {
            if (matches(lines, segment, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a line plays no part in lining the submission up with the given code: blank, or
     * only a {@code //} comment (the student's own, or a given one deleted). Such a line outside the
     * regions is never compiled: the library is rebuilt from the given text.
     */
    private static boolean ignored(String line) {
        return line.isBlank() || line.strip().startsWith("//");
    }

    /**
     * Whether a submitted line is the given one: equal but for whitespace, and but for a
     * {@code //} comment the student added at its end (only where the given line has no
     * {@code //} of its own, so that nothing inside a string can be taken for a comment).
     */
    static boolean sameLine(String submitted, String given) {
        String s = key(submitted);
        String g = key(given);
        if (s.equals(g)) {
            return true;
        }
        int comment = submitted.indexOf("//");
        return comment > 0 && !given.contains("//") && key(submitted.substring(0, comment)).equals(g);
    }

    /** A line with its whitespace removed, so that reformatting is not a change. */
    private static String key(String line) {
        return line.replaceAll("\\s+", "");
    }
}
