package kit.grader.lesson7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Seeds;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;
import kit.lesson6.PointerModels;
import kit.lesson6.PointerTask;
import kit.lesson6.Transformer;
import kit.lesson7.FlipProbe;
import kit.lesson7.Patching;

/**
 * What patching must give by construction, on untrained models (no training needed): the clean and
 * corrupted inputs differ only at the addressed cell, so at the embeddings only that row carries the
 * difference; after the last block only the last row reaches the logits.
 */
@Tag("lesson7")
@Order(1)
@DisplayName("Patching (identities)")
class PatchingIdentitiesTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("recovery = (patched - corrupt) / (clean - corrupt): 0 at the corrupted value, 1 at the clean one")
    void recovery_is_the_fraction_of_the_gap_restored() {
        assertThat(Patching.recovery(3, -1, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(Patching.recovery(3, -1, 3)).isCloseTo(1, within(1e-15));
        assertThat(Patching.recovery(3, -1, -1)).isCloseTo(0, within(1e-15));
        assertThat(Patching.recovery(-2, 2, 4)).as("overshooting the other way").isCloseTo(-0.5, within(1e-15));
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("entry [l][p]: the corrupted run's layer-l stream with row p replaced by the clean run's row p, run on "
            + "from layer l with model.logitsFrom(l, patched); compare logit differences for the clean answer")
    void at_the_embeddings_the_addressed_cell_recovers_1_and_every_other_position_0() {
        Random rng = new Random(Seeds.seed(91));
        Transformer model = PointerModels.transformer(2, rng);
        for (int n : new int[] {5, 300, 1234, 2047}) {
            double[][] clean = PointerTask.sequence(n);
            double[][] corrupt = FlipProbe.flip(clean, PointerTask.address(n));
            double[][] table = Patching.recoveryTable(model, clean, corrupt, PointerTask.answer(n));
            assertThat(table).as("an (L + 1) x T table").hasDimensions(3, PointerTask.LENGTH);
            for (int p = 0; p < PointerTask.LENGTH; p++) {
                assertThat(table[0][p]).as("input %d, embeddings, position %d", n, p)
                        .isCloseTo(p == PointerTask.address(n) ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    @Order(3)
    @Points(2)
    @Hint("after the last block only the last row reaches the readout: patching it restores the clean logits exactly, "
            + "patching any other row changes nothing")
    void after_the_last_block_the_readout_recovers_1_and_every_other_position_0() {
        Random rng = new Random(Seeds.seed(92));
        Transformer model = PointerModels.transformer(2, rng);
        for (int n : new int[] {7, 512, 1500, 2000}) {
            double[][] clean = PointerTask.sequence(n);
            double[][] corrupt = FlipProbe.flip(clean, PointerTask.address(n));
            double[][] table = Patching.recoveryTable(model, clean, corrupt, PointerTask.answer(n));
            for (int p = 0; p < PointerTask.LENGTH; p++) {
                assertThat(table[2][p]).as("input %d, after block 2, position %d", n, p)
                        .isCloseTo(p == PointerTask.LENGTH - 1 ? 1 : 0, within(1e-9));
            }
        }
    }
}
