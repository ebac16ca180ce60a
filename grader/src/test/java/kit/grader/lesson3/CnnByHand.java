package kit.grader.lesson3;

import java.util.List;

import kit.core.Network;
import kit.core.Parameter;
import kit.grader.check.NestedArrays;
import kit.lesson3.LabelledImages;

/**
 * The lesson's CNN (conv with one input channel, ReLU, global average pooling, linear) computed by the
 * grader from the network's own parameters, to check that a trained network's logits are what its
 * weights say: a forward that recognises the images some other way than by its kernel cannot pass the
 * behaviour tests however well it classifies.
 */
final class CnnByHand {
    /** The largest logit difference the check allows: only the order of the sums differs. */
    static final double TOLERANCE = 1e-9;

    private CnnByHand() {
    }

    /** The largest difference, over every image of {@code data}, between the network's logits and the grader's. */
    static double forwardError(Network<double[][][]> cnn, LabelledImages data) {
        double worst = 0;
        for (double[][][] image : data.images()) {
            worst = Math.max(worst, NestedArrays.largestDifference(cnn.logits(image), logits(cnn.parameters(), image)));
        }
        return worst;
    }

    /**
     * {@code z = V mean_ij relu(b[o] + sum_uv W[o][0][u][v] x[0][i+u][j+v]) + c}, from the parameters in the
     * network's order: the kernel ({@code out x 1 x k x k}, one row per (o, u)), its biases, the linear layer's
     * weights ({@code classes x out}) and biases.
     */
    static double[] logits(List<Parameter> p, double[][][] image) {
        Parameter kernel = p.get(0);
        double[] bias = p.get(1).value(0);
        Parameter linear = p.get(2);
        double[] linearBias = p.get(3).value(0);
        int out = kernel.shape()[0];
        int k = kernel.shape()[2];
        int height = image[0].length - k + 1;
        int width = image[0][0].length - k + 1;
        double[] pooled = new double[out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    double sum = bias[o];
                    for (int u = 0; u < k; u++) {
                        double[] w = kernel.value(o * k + u);
                        for (int v = 0; v < k; v++) {
                            sum += w[v] * image[0][i + u][j + v];
                        }
                    }
                    pooled[o] += Math.max(0, sum);
                }
            }
            pooled[o] /= height * width;
        }
        double[] z = new double[linear.shape()[0]];
        for (int c = 0; c < z.length; c++) {
            z[c] = linearBias[c];
            for (int o = 0; o < out; o++) {
                z[c] += linear.value(c)[o] * pooled[o];
            }
        }
        return z;
    }
}
