package kit.lesson7;

/**
 * What the flip probe measured over all 2048 inputs of the pointer task.
 *
 * @param tracksAddressed the fraction of inputs on which flipping the addressed bit {@code m_a} makes
 *                        the prediction the new {@code m_a}; over all inputs this is the accuracy
 *                        (flipping {@code m_a} maps the input set onto itself)
 * @param otherChanges    the fraction of (input, other memory cell) pairs, 7 per input, on which
 *                        flipping that other cell changes the prediction: 0 for a perfect pointer
 *
 * <p>Book: {@code src/site/markdown/lesson7.md}, "The flip probe".
 */
public record FlipRates(double tracksAddressed, double otherChanges) {
}
