package kit.grader.check;

/**
 * One coordinate of a gradient check: the student's analytic derivative beside the central
 * difference. {@code onKink} marks a coordinate where the function has no derivative (its left
 * and right slopes differ, as at ReLU's zero): any value there is acceptable.
 */
public record Entry(String name, double analytic, double numeric, boolean onKink) {

    /** {@code |a - n| / max(|a|, |n|, floor)}: relative error, with an absolute floor for tiny gradients. */
    public double error(double floor) {
        double scale = Math.max(floor, Math.max(Math.abs(analytic), Math.abs(numeric)));
        double diff = Math.abs(analytic - numeric);
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / scale;
    }
}
