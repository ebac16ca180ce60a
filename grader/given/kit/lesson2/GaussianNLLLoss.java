package kit.lesson2;

import kit.core.Loss;
import kit.lesson1.SigmoidBCE;

/**
 * The Gaussian likelihood with a learned scale: two logits per output, one for the mean and one
 * for the standard deviation, so the network says how sure it is, input by input.
 *
 * <p>For {@code m} outputs the logits are {@code [mu[0..m-1], r[0..m-1]]}: the first half are the
 * means (identity link), the second half raw scales turned positive by
 * {@code sigma = softplus(r) + SIGMA_FLOOR}, with {@code softplus(r) = log(1 + e^r)}. Then
 * {@code -log N(y; mu, sigma^2) = log sigma + (y - mu)^2 / (2 sigma^2) + log(2 pi) / 2}; the
 * constant is dropped, as in {@link MSELoss}, which is this loss with {@code sigma} fixed at 1:
 * <br>{@code L = sum_i log sigma[i] + (y[i] - mu[i])^2 / (2 sigma[i]^2)}.
 * <br>Gradient, with {@code e = (y - mu) / sigma} the standardised residual and
 * {@code dsigma/dr = sigmoid(r)}:
 * {@code dL/dmu[i] = (mu[i] - y[i]) / sigma[i]^2} and
 * {@code dL/dr[i] = sigmoid(r[i]) (1 - e[i]^2) / sigma[i]}.
 * The mean's gradient is the residual weighted by the precision {@code 1/sigma^2}: this head has no
 * canonical link, and the residual theorem does not hold for it. The scale's gradient vanishes
 * where {@code e^2 = 1}, that is where sigma equals the typical size of the residual.
 *
 * <p>Shapes: logits {@code 2m}, target {@code m}, gradient {@code 2m}; the prediction is
 * {@code [mu[0..m-1], sigma[0..m-1]]}, also {@code 2m}.
 *
 * <p>Numerics: softplus and the sigmoid are Lesson 1's ({@link SigmoidBCE#softplus},
 * {@link SigmoidBCE#sigmoid}), finite for any {@code r}. Below {@code r = -745} softplus rounds to 0; the floor
 * {@code SIGMA_FLOOR = 1e-6} keeps {@code log sigma} and {@code 1/sigma^2} finite there. It is far
 * below any scale the experiments meet (the smallest true sigma is 0.1). Far into that region the
 * loss is huge but finite, and the gradient with respect to {@code r} is 0 because
 * {@code sigmoid(r)} is.
 *
 * <p>Book: {@code src/site/markdown/lesson2.md}, "Gaussian with a learned scale".
 */
public final class GaussianNLLLoss implements Loss {
    /** The smallest standard deviation the head can predict. */
    public static final double SIGMA_FLOOR = 1e-6;

    @Override
    public double value(double[] logits, double[] target) {
        requireShapes("GaussianNLLLoss.value", logits, target);
        throw new kit.core.NotImplementedYet(2, "GaussianNLLLoss.value", "the Gaussian negative log-likelihood (without log sqrt(2 pi)) summed over the m outputs, from logits [means (m), raw scales (m)] and targets (m); book: src/site/markdown/lesson2.md, \"Gaussian with a learned scale\"");
    }

    @Override
    public double[] gradient(double[] logits, double[] target) {
        requireShapes("GaussianNLLLoss.gradient", logits, target);
        throw new kit.core.NotImplementedYet(2, "GaussianNLLLoss.gradient", "dL/dz, a new array of length 2m: the means' part, then the raw scales' part; book: src/site/markdown/lesson2.md, \"Gaussian with a learned scale\"");
    }

    @Override
    public double[] predict(double[] logits) {
        requireEvenLength("GaussianNLLLoss.predict", logits);
        throw new kit.core.NotImplementedYet(2, "GaussianNLLLoss.predict", "the predicted means and standard deviations, a new array of length 2m, from logits of length 2m; book: src/site/markdown/lesson2.md, \"Gaussian with a learned scale\"");
    }

    /** The standard deviation a raw scale stands for: {@code softplus(r) + SIGMA_FLOOR}. */
    static double sigma(double r) {
        throw new kit.core.NotImplementedYet(2, "GaussianNLLLoss.sigma", "the standard deviation sigma > 0 that one raw scale r stands for; book: src/site/markdown/lesson2.md, \"Gaussian with a learned scale\"");
    }

    private static void requireEvenLength(String what, double[] logits) {
        if (logits == null || logits.length % 2 != 0) {
            throw new IllegalArgumentException(what + ": logits " + (logits == null ? "are null" : "have odd length "
                    + logits.length) + "; expected 2m (m means, then m raw scales)");
        }
    }

    private static void requireShapes(String what, double[] logits, double[] target) {
        if (logits == null || target == null) {
            throw new IllegalArgumentException(what + ": " + (logits == null ? "logits" : "target") + " is null");
        }
        if (logits.length != 2 * target.length) {
            throw new IllegalArgumentException(what + ": logits has length " + logits.length + " but target has length "
                    + target.length + "; expected 2 logits per target (a mean and a raw scale)");
        }
    }
}
