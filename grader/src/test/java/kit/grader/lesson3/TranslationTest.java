package kit.grader.lesson3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kit.core.Layer;
import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson1.ReLU;
import kit.lesson3.Conv2D;
import kit.lesson3.Flatten;
import kit.lesson3.GlobalAvgPool;

/**
 * Translation, measured rather than argued. Equivariance: a random 2 -> 3 channel, k = 3
 * convolution on a random 2 x 9 x 11 image; the image shifted by (dy, dx) gives feature maps
 * shifted by (dy, dx), equal to within 1e-12 (relative) at every position defined in both (on the
 * reference they agree exactly, since the same products are summed in the same order). Invariance:
 * a random 2 x 3 x 4 pattern at every position inside a zero border at least k - 1 = 2 wide; conv,
 * ReLU and global average pooling give the same vector everywhere (reference: largest difference
 * 5.6e-16 over base seeds 1 to 40, bar 1e-12), while the flattened feature maps, which keep the position, differ.
 */
@Tag("lesson3")
@Order(5)
@DisplayName("Translation (Conv2D, GlobalAvgPool)")
class TranslationTest {
    static final double TOLERANCE = 1e-12;

    static Conv2D randomConv(int in, int out, int k, Random rng) {
        Conv2D conv = new Conv2D(in, out, k, rng);
        for (int o = 0; o < out; o++) {
            conv.bias()[o] = rng.nextGaussian() * 0.3;
        }
        return conv;
    }

    static double difference(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    @ParameterizedTest(name = "shift by (dy, dx) = ({0}, {1})")
    @CsvSource({"0, 1", "1, 0", "2, 3", "-1, 2", "-3, -2", "4, -5"})
    @Order(1)
    @Points(3)
    @Hint("one kernel is applied at every position, so moving the input moves the feature maps: if this fails "
            + "while the forward tests pass, check that y[o][i][j] reads x[c][i+u][j+v] and nothing depends on i, j otherwise")
    void shifting_the_input_shifts_every_feature_map_by_the_same_amount(int dy, int dx) {
        // given
        Random rng = new Random(Seeds.seed(51));
        Conv2D conv = randomConv(2, 3, 3, rng);
        double[][][] x = Grids.random(2, 9, 11, rng);
        // when
        double[][][] y = conv.forward(x).output();
        double[][][] shifted = conv.forward(Grids.shift(x, dy, dx)).output();
        // then shifted[o][i][j] == y[o][i - dy][j - dx] wherever both exist
        int compared = 0;
        double worst = 0;
        for (int o = 0; o < y.length; o++) {
            for (int i = 0; i < y[o].length; i++) {
                for (int j = 0; j < y[o][i].length; j++) {
                    int si = i - dy;
                    int sj = j - dx;
                    if (si >= 0 && si < y[o].length && sj >= 0 && sj < y[o][i].length) {
                        worst = Math.max(worst, difference(shifted[o][i][j], y[o][si][sj]));
                        compared++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "shift (%d, %d): %d positions compared, largest difference %.1e%n",
                dy, dx, compared, worst);
        assertThat(compared).as("positions defined in both").isPositive();
        assertThat(worst).as("largest relative difference between the shifted maps and the maps of the shifted input")
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(y[0][0][0]).as("the feature maps must depend on the input (they are constant)")
                .isNotEqualTo(y[0][1][1]);
    }

    @Test
    @Order(2)
    @Points(3)
    @Hint("conv, ReLU and global average pooling must not care where the pattern sits: if the conv tests pass, "
            + "check that GlobalAvgPool averages over every position and ReLU keeps each map's shape")
    void conv_ReLU_and_global_average_pooling_give_the_same_output_wherever_the_pattern_sits() {
        // given a pattern and a 2 -> 4 channel, k = 3 convolution with random weights and biases
        int k = 3;
        int h = 10;
        int w = 11;
        Random rng = new Random(Seeds.seed(52));
        Conv2D conv = randomConv(2, 4, k, rng);
        Layer<double[][][], double[][][]> maps = conv.then(new ReLU<>());
        Layer<double[][][], double[]> pooled = maps.then(new GlobalAvgPool());
        Layer<double[][][], double[]> flattened = maps.then(new Flatten());
        double[][][] pattern = Grids.random(2, 3, 4, rng);
        // when it is placed at every position with a border of at least k - 1 zeros around it
        double[] first = null;
        double[] firstFlat = null;
        double worst = 0;
        boolean flatDiffers = false;
        int placements = 0;
        for (int row = k - 1; row + 3 + k - 1 <= h; row++) {
            for (int col = k - 1; col + 4 + k - 1 <= w; col++) {
                double[][][] image = Grids.place(pattern, h, w, row, col);
                double[] y = pooled.forward(image).output();
                double[] flat = flattened.forward(image).output();
                if (first == null) {
                    first = y;
                    firstFlat = flat;
                }
                for (int c = 0; c < y.length; c++) {
                    worst = Math.max(worst, difference(y[c], first[c]));
                }
                flatDiffers |= !Arrays.equals(flat, firstFlat);
                placements++;
            }
        }
        // then the pooled output is the same everywhere; the maps themselves are not
        System.out.printf(Locale.ROOT, "%d placements: largest difference of the pooled output %.1e; pooled %s%n",
                placements, worst, Arrays.toString(first));
        assertThat(first).as("pooled output length").hasSize(4);
        assertThat(Arrays.stream(first).max().orElse(0)).as("some pooled feature must be positive").isPositive();
        assertThat(worst).as("largest relative difference of the pooled output between placements")
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(flatDiffers).as("the flattened feature maps (no pooling) must change with the position").isTrue();
    }
}
