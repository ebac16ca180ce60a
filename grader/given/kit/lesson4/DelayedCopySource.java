package kit.lesson4;

import java.util.random.RandomGenerator;

/**
 * A noisy delayed copy of order {@code k}: a stream of tokens over an alphabet of {@code V} whose
 * next token repeats the one {@code k} steps back, or now and then is drawn afresh.
 *
 * <p>The first {@code k} tokens are uniform. After that, {@code x_t = x_{t-k}} with probability
 * {@code p}, and otherwise {@code x_t} is uniform over the {@code V} tokens (so it may still
 * equal {@code x_{t-k}}). The stream is {@code k} independent chains interleaved (positions
 * {@code t mod k}), each with uniform marginals.
 *
 * <p>The best possible loss of a model that sees the last {@code N} tokens, in nats, is the
 * entropy of the next token given them ({@link #entropyGivenWindow}):
 * <ul>
 *   <li>{@code N < k}: the window holds none of the token's own chain, so the next token is uniform
 *       and independent of it: {@code log V}.</li>
 *   <li>{@code N >= k}: the window holds {@code x_{t-k}}, and nothing else helps. The next token is
 *       {@code x_{t-k}} with probability {@code q = p + (1-p)/V} and each other token with
 *       {@code r = (1-p)/V}: {@code H = -q log q - (V-1) r log r}.</li>
 * </ul>
 * The lesson's source, {@link #LESSON}: {@code V = 4}, {@code k = 3}, {@code p = 0.8}, so
 * {@code log 4 = 1.3863} and {@code H = -0.85 log 0.85 - 3 (0.05) log 0.05 = 0.5875}. The grader
 * plays sources {@linkplain #drawn drawn} from its seed: {@code V} from 3 to 5, {@code k} from 2 to
 * 4, the same {@code p}.
 *
 * <p>Book: {@code src/site/markdown/lesson4.md}, "A source of known order".
 */
public final class DelayedCopySource {
    /** The lesson's source: 4 tokens, order 3, copy with probability 0.8. */
    public static final DelayedCopySource LESSON = new DelayedCopySource(4, 3, 0.8);

    private final int alphabet;
    private final int order;
    private final double copyProbability;

    /** The smallest and largest alphabet and order of a {@linkplain #drawn drawn} source. */
    public static final int FEWEST_TOKENS = 3;
    public static final int MOST_TOKENS = 5;
    public static final int LOWEST_ORDER = 2;
    public static final int HIGHEST_ORDER = 4;

    public DelayedCopySource(int alphabet, int order, double copyProbability) {
        if (alphabet < 2 || order < 1 || !(copyProbability >= 0 && copyProbability <= 1)) {
            throw new IllegalArgumentException("DelayedCopySource: alphabet = " + alphabet + " (at least 2), order = "
                    + order + " (at least 1), copy probability = " + copyProbability + " (in [0, 1])");
        }
        this.alphabet = alphabet;
        this.order = order;
        this.copyProbability = copyProbability;
    }

    /**
     * A source drawn from {@code rng}: {@code V} uniform in {@value #FEWEST_TOKENS} to {@value #MOST_TOKENS},
     * {@code k} uniform in {@value #LOWEST_ORDER} to {@value #HIGHEST_ORDER}, the lesson's copy probability 0.8.
     */
    public static DelayedCopySource drawn(RandomGenerator rng) {
        int alphabet = FEWEST_TOKENS + rng.nextInt(MOST_TOKENS - FEWEST_TOKENS + 1);
        int order = LOWEST_ORDER + rng.nextInt(HIGHEST_ORDER - LOWEST_ORDER + 1);
        return new DelayedCopySource(alphabet, order, LESSON.copyProbability);
    }

    /** {@code V}, the number of tokens. */
    public int alphabet() {
        return alphabet;
    }

    /** {@code k}, how far back the copied token lies. */
    public int order() {
        return order;
    }

    /** {@code p}, the probability that a token copies the one {@code k} back. */
    public double copyProbability() {
        return copyProbability;
    }

    /** A stream of {@code length} tokens, each in {@code 0 .. V-1}. */
    public int[] sample(int length, RandomGenerator rng) {
        if (length < 0) {
            throw new IllegalArgumentException("DelayedCopySource.sample: length is " + length + " but must be >= 0");
        }
        int[] x = new int[length];
        for (int t = 0; t < length; t++) {
            boolean copy = t >= order && rng.nextDouble() < copyProbability;
            x[t] = copy ? x[t - order] : rng.nextInt(alphabet);
        }
        return x;
    }

    /** The entropy of the next token given the last {@code window} tokens, in nats: {@code log V} or {@code H}. */
    public double entropyGivenWindow(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("DelayedCopySource.entropyGivenWindow: window is " + window
                    + " but must be >= 0");
        }
        if (window < order) {
            return Math.log(alphabet);
        }
        double r = (1 - copyProbability) / alphabet;
        double q = copyProbability + r;
        return -q * log(q) - (alphabet - 1) * r * log(r);
    }

    /** Such as {@code "V = 4, k = 3, p = 0.8"}. */
    @Override
    public String toString() {
        return "V = " + alphabet + ", k = " + order + ", p = " + copyProbability;
    }

    /** {@code log x}, with {@code 0 log 0 = 0} in mind: 0 for {@code x = 0}. */
    private static double log(double x) {
        return x == 0 ? 0 : Math.log(x);
    }
}
