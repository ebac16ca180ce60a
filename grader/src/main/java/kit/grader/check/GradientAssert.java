package kit.grader.check;

import java.util.Locale;

import org.assertj.core.api.AbstractAssert;

/**
 * {@code assertThatGradient(check.input()).matchesNumeric()}: fails naming the first and the worst wrong coordinate with
 * its name, the analytic and numeric values, the relative error and the seed, and says how many
 * other coordinates are wrong too.
 */
public final class GradientAssert extends AbstractAssert<GradientAssert, GradientComparison> {

    private GradientAssert(GradientComparison actual) {
        super(actual, GradientAssert.class);
    }

    public static GradientAssert assertThatGradient(GradientComparison actual) {
        return new GradientAssert(actual);
    }

    public GradientAssert matchesNumeric() {
        isNotNull();
        if (actual.shapeError() != null) {
            failWithMessage("%s: %s (seed %d)", actual.what(), actual.shapeError(), actual.seed());
        }
        Entry worst = null;
        Entry first = null;
        int wrong = 0;
        int kinks = 0;
        for (Entry e : actual.entries()) {
            if (e.onKink()) {
                kinks++;
                continue;
            }
            double error = e.error(GradientCheck.FLOOR);
            if (error > GradientCheck.TOLERANCE) {
                wrong++;
                first = first == null ? e : first;
                if (worst == null || error > worst.error(GradientCheck.FLOOR)) {
                    worst = e;
                }
            }
        }
        if (worst != null) {
            String firstToo = first == worst ? "" : String.format(Locale.ROOT, "first %s: analytic %s but numeric %s; ",
                    first.name(), fmt(first.analytic()), fmt(first.numeric()));
            failWithMessage("%s is wrong at %d of %d entries; %sworst %s: analytic %s but numeric %s "
                            + "(relative error %.2e > %.0e; seed %d)",
                    actual.what(), wrong, actual.entries().size(), firstToo, worst.name(), fmt(worst.analytic()),
                    fmt(worst.numeric()), worst.error(GradientCheck.FLOOR), GradientCheck.TOLERANCE,
                    actual.seed());
        }
        if (kinks * 2 > actual.entries().size()) {
            failWithMessage("%s: %d of %d entries sit on a kink, too many to check (seed %d)",
                    actual.what(), kinks, actual.entries().size(), actual.seed());
        }
        return this;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
