package kit.grader.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which library methods a test left running when it ran out of time: each thread's stack is
 * sampled {@value #SAMPLES} times, {@value #GAP_MS} ms apart, and only the calls present in every
 * sample count (the part of the stack that did not return meanwhile, read from the outermost call
 * in). A method that calls a correct helper in an endless loop is blamed, not the helper it happened
 * to be in at the first sample.
 *
 * <p>A call is named {@code Class.method} by its top-level class: code in a lambda or a local class
 * counts as the method that declares it ({@code ReLU$1Spin.<clinit>} inside {@code ReLU.relu} is
 * {@code ReLU.relu}). Nothing is called on a library object: names come from the JVM.
 */
final class StillRunning {
    static final int SAMPLES = 6;
    static final long GAP_MS = 50;

    private StillRunning() {
    }

    /** The library methods still running in threads other than this one, innermost first; empty if none. */
    static List<String> methods() {
        List<Map<Thread, StackTraceElement[]>> samples = new ArrayList<>();
        for (int s = 0; s < SAMPLES; s++) {
            if (s > 0) {
                pause();
            }
            samples.add(Thread.getAllStackTraces());
        }
        Set<String> found = new LinkedHashSet<>();
        for (Thread thread : samples.get(0).keySet()) {
            if (thread != Thread.currentThread()) {
                found.addAll(steady(thread, samples));
            }
        }
        return new ArrayList<>(found);
    }

    /** The library methods running in {@code thread}, innermost first. */
    static List<String> methods(Thread thread) {
        List<Map<Thread, StackTraceElement[]>> samples = new ArrayList<>();
        for (int s = 0; s < SAMPLES; s++) {
            if (s > 0) {
                pause();
            }
            samples.add(Map.of(thread, thread.getStackTrace()));
        }
        return steady(thread, samples);
    }

    /** The library methods on {@code frames} (innermost first), named as the class Javadoc says. */
    static List<String> methods(StackTraceElement[] frames) {
        Set<String> names = new LinkedHashSet<>();
        for (StackTraceElement frame : frames) {
            if (LibraryCalls.isLibrary(frame.getClassName())) {
                names.add(nameOf(frame));
            }
        }
        return new ArrayList<>(names);
    }

    private static List<String> steady(Thread thread, List<Map<Thread, StackTraceElement[]>> samples) {
        StackTraceElement[] first = samples.get(0).get(thread);
        int common = first.length;   // how many outermost frames every sample shares
        for (Map<Thread, StackTraceElement[]> sample : samples) {
            StackTraceElement[] other = sample.get(thread);
            if (other == null) {
                return List.of();   // it ended meanwhile
            }
            int k = 0;
            while (k < Math.min(common, other.length)
                    && sameCall(first[first.length - 1 - k], other[other.length - 1 - k])) {
                k++;
            }
            common = k;
        }
        StackTraceElement[] steady = new StackTraceElement[common];
        System.arraycopy(first, first.length - common, steady, 0, common);
        return methods(steady);
    }

    private static boolean sameCall(StackTraceElement a, StackTraceElement b) {
        return a.getClassName().equals(b.getClassName()) && a.getMethodName().equals(b.getMethodName());
    }

    /** {@code Class.method} of a frame, for the method that declares a lambda or local class. */
    static String nameOf(StackTraceElement frame) {
        String className = frame.getClassName();
        String method = frame.getMethodName();
        try {
            Class<?> type = Class.forName(className, false, StillRunning.class.getClassLoader());
            while (type.getEnclosingClass() != null) {
                if (type.getEnclosingMethod() != null) {
                    method = type.getEnclosingMethod().getName();
                } else if (type.getEnclosingConstructor() != null) {
                    method = "<init>";
                }
                type = type.getEnclosingClass();
            }
            className = type.getName();
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            className = className.split("\\$")[0];
        }
        if (method.startsWith("lambda$")) {
            method = method.split("\\$")[1];
        }
        return className.substring(className.lastIndexOf('.') + 1) + "." + method;
    }

    private static void pause() {
        try {
            Thread.sleep(GAP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
