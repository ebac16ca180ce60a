package kit.grader.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import kit.core.Layer;
import kit.core.Loss;
import kit.core.Parameter;
import kit.core.Pass;

/**
 * The contract every layer and loss keeps, checked the same way for all of them: nothing modifies
 * its arguments, and every returned array is fresh, so that changing it changes nothing inside the
 * layer or in a later backward. A failure names the method that broke the contract.
 *
 * <p>Forward: {@code forward(x)} leaves {@code x} and the parameters untouched, and changing its
 * output (or {@code x} afterwards) changes neither a second forward's output nor the pass's backward.
 * <br>Backward: {@code backward(g)} leaves {@code g} untouched and returns a fresh dL/dx: changing
 * it changes nothing in a second call of the same backward.
 * <br>Loss: {@code value}, {@code gradient} and {@code predict} leave the logits and the target
 * untouched, and the gradient and prediction are fresh arrays, never the logits themselves.
 */
public final class Contract {
    private static final double GARBAGE = 12345.678;

    private Contract() {
    }

    /** Forward's half of the contract; {@code method} is the student's method, e.g. "affine". */
    public static <I, O> void assertForward(String layerName, String method, Layer<I, O> layer, I input) {
        String who = layerName + "." + method;
        I x = NestedArrays.copy(input);
        List<double[][]> before = parameterValues(layer);
        Pass<I, O> pass = layer.forward(x);
        require(NestedArrays.sameEntries(x, input), who + " wrote into its input x; compute into a new array");
        require(sameValues(before, parameterValues(layer)), who + " changed the layer's parameters; "
                + "only an optimiser step may change them");
        O y = pass.output();
        require(!sharesRows(y, x), who + " returned (part of) its input x as its output; return a new array");
        O expected = NestedArrays.copy(y);
        fill(y);
        fill(x);
        O again = layer.forward(NestedArrays.copy(input)).output();
        require(NestedArrays.sameEntries(again, expected), who + " returned an array the layer keeps "
                + "(a parameter, a buffer or a cache): changing the output changed the next forward's output; "
                + "return a new array");
        require(again != y, who + " returned the same array object twice; return a new array each call");
    }

    /** Backward's half of the contract; {@code method} is the student's method, e.g. "backward". */
    public static <I, O> void assertBackward(String layerName, String method, Layer<I, O> layer, I input,
                                             long seed) {
        String who = layerName + "." + method;
        Pass<I, O> reference = layer.forward(NestedArrays.copy(input));
        O g = NestedArrays.copy(reference.output());
        NestedArrays.fillUniform(g, 1.0, new Random(seed));
        I expected = NestedArrays.copy(reference.backward(NestedArrays.copy(g)));

        I x = NestedArrays.copy(input);
        Pass<I, O> pass = layer.forward(x);
        fill(pass.output());
        fill(x);
        O gradOutput = NestedArrays.copy(g);
        I dx = pass.backward(gradOutput);
        require(NestedArrays.sameEntries(gradOutput, g), who + " wrote into dL/dy; compute into a new array");
        require(!sharesRows(dx, gradOutput), who + " returned (part of) dL/dy as dL/dx; return a new array");
        require(NestedArrays.sameEntries(dx, expected), who + " depends on an array the caller owns: after the "
                + "caller changed the forward's input or output, backward returned a different dL/dx; "
                + "keep what backward needs in a copy");
        fill(dx);
        I again = pass.backward(NestedArrays.copy(g));
        require(NestedArrays.sameEntries(again, expected), who + " returned an array it keeps: changing the "
                + "returned dL/dx changed the next backward's result; return a new array");
        for (Parameter p : layer.parameters()) {
            p.zeroGrad();
        }
    }

    /** The loss's contract at one point. */
    public static void assertLoss(String lossName, Loss loss, double[] logits, double[] target) {
        double[] z = logits.clone();
        double[] y = target.clone();
        loss.value(z, y);
        requireUntouched(lossName + ".value", z, logits, y, target);
        double[] g = loss.gradient(z, y);
        requireUntouched(lossName + ".gradient", z, logits, y, target);
        require(g != z, lossName + ".gradient returned the logits array itself; return a new array");
        double[] gExpected = g.clone();
        fill(g);
        require(Arrays.equals(loss.gradient(z, y), gExpected), lossName
                + ".gradient returned an array it keeps; return a new array each call");
        double[] p = loss.predict(z);
        requireUntouched(lossName + ".predict", z, logits, y, target);
        require(p != z, lossName + ".predict returned the logits array itself; return a new array (a copy)");
        double[] pExpected = p.clone();
        fill(p);
        require(Arrays.equals(loss.predict(z), pExpected), lossName
                + ".predict returned an array it keeps; return a new array each call");
    }

    private static void requireUntouched(String who, double[] z, double[] logits, double[] y, double[] target) {
        require(Arrays.equals(z, logits), who + " wrote into the logits; compute into a new array");
        require(Arrays.equals(y, target), who + " wrote into the target; compute into a new array");
    }

    private static void require(boolean holds, String message) {
        if (!holds) {
            throw new AssertionError("contract broken: " + message);
        }
    }

    /** True if the two arrays share an innermost row object. */
    private static boolean sharesRows(Object a, Object b) {
        List<double[]> rowsOfB = NestedArrays.rows(b);
        for (double[] row : NestedArrays.rows(a)) {
            for (double[] other : rowsOfB) {
                if (row == other) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void fill(Object array) {
        for (double[] row : NestedArrays.rows(array)) {
            Arrays.fill(row, GARBAGE);
        }
    }

    private static List<double[][]> parameterValues(Layer<?, ?> layer) {
        List<double[][]> values = new ArrayList<>();
        for (Parameter p : layer.parameters()) {
            double[][] rows = new double[p.rows()][];
            for (int r = 0; r < p.rows(); r++) {
                rows[r] = p.value(r).clone();
            }
            values.add(rows);
        }
        return values;
    }

    private static boolean sameValues(List<double[][]> a, List<double[][]> b) {
        for (int k = 0; k < a.size(); k++) {
            if (!Arrays.deepEquals(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }
}
