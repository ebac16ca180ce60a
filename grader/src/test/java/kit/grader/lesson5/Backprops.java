package kit.grader.lesson5;

import kit.grader.check.Backpropagation;
import kit.grader.check.NestedArrays;
import kit.grader.check.Seeds;
import kit.lesson5.RNN;

/**
 * Lesson 5's backwards must be backpropagation ({@link Backpropagation}): every gradient test of a
 * method runs its guard first. A numeric step back of a 96 -> 96 cell costs
 * {@code 2 (96 + 2 x 96^2 + 96)} steps; a numeric BPTT over 16 steps of a 48 -> 48 cell,
 * {@code 2 (16 x 48 + 2 x 48^2 + 48)} runs of the sequence.
 */
final class Backprops {
    static final Backpropagation CELL = Backpropagation.ofLayer("RNNCell.backward",
            "RNNCell(96 -> 96), one step", Seeds.seed(951),
            rng -> Cells.stepOfInput(Cells.randomCell(96, 96, rng), NestedArrays.uniform(96, rng)),
            rng -> NestedArrays.uniform(96, rng));
    static final Backpropagation BPTT = Backpropagation.ofLayer("RNN.backward",
            "RNN(48 -> 48) over 16 steps", Seeds.seed(952), rng -> new RNN(Cells.randomCell(48, 48, rng)),
            rng -> NestedArrays.uniform(16, 48, rng));

    private Backprops() {
    }
}
