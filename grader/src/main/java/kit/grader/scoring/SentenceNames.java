package kit.grader.scoring;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Test names as the tables show them: a method's name read as a sentence (underscores become
 * spaces), without Java's parameter list, and with the gradient notation restored: a method
 * {@code backward_leaves_dL_dy_untouched} reads "backward leaves dL/dy untouched". Set as the
 * default in {@code junit-platform.properties}; a {@code @DisplayName} still wins.
 */
public final class SentenceNames extends DisplayNameGenerator.ReplaceUnderscores {
    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return sentence(testMethod.getName());
    }

    /** "dx_matches_the_numeric_gradient" to "dx matches the numeric gradient"; "dL_dy" to "dL/dy". */
    static String sentence(String methodName) {
        return methodName.replace('_', ' ').replaceAll("\\bd([A-Z]\\w*) d([a-z]\\w*)\\b", "d$1/d$2").strip();
    }
}
