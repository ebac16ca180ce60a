package kit.grader.lesson6;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kit.core.Parameter;
import kit.lesson6.PointerModels;
import kit.lesson6.Transformer;

/**
 * {@link SavedModels}: a model loaded is the model saved, bit for bit, and anything that does not
 * match is trained over. Only given code runs here, so it holds on the stubs too. (The key's class
 * files cannot change inside one JVM: that an edit of Lesson 6's code trains again, and one of
 * Lesson 7's does not, is measured by {@code bench/student-loop}.)
 */
@Tag("selfcheck")
@DisplayName("Kit: Lesson 6's trained models kept for the next run")
class SavedModelsTest {
    @TempDir
    Path folder;

    /** A model with every parameter and gradient set from {@code seed}, standing in for a trained one. */
    static TrainedPointerModels.Trained<Transformer> model(int depth, long seed) {
        Random rng = new Random(seed);
        Transformer model = PointerModels.transformer(depth, rng);
        for (Parameter p : model.parameters()) {
            for (int r = 0; r < p.rows(); r++) {
                for (int i = 0; i < p.value(r).length; i++) {
                    p.value(r)[i] = rng.nextGaussian();
                    p.grad(r)[i] = rng.nextGaussian();
                }
            }
        }
        return TrainedPointerModels.Trained.loaded(model, new double[] {0.7, 0.3}, new double[] {0.69, 0.5, 0.1},
                0.875, seed, 1.25);
    }

    static boolean sameState(Transformer a, Transformer b) {
        List<Parameter> pa = a.parameters();
        List<Parameter> pb = b.parameters();
        for (int k = 0; k < pa.size(); k++) {
            for (int r = 0; r < pa.get(k).rows(); r++) {
                if (!Arrays.equals(pa.get(k).value(r), pb.get(k).value(r)) || !Arrays.equals(pa.get(k).grad(r), pb.get(k).grad(r))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void a_model_loaded_is_the_model_saved_bit_for_bit() {
        TrainedPointerModels.Trained<Transformer> saved = model(2, 11);
        SavedModels.save(folder, "2-layer-transformer", saved);
        TrainedPointerModels.Trained<Transformer> loaded = SavedModels.load(folder, "2-layer-transformer",
                PointerModels.transformer(2, new Random(3))).orElseThrow();
        assertThat(sameState(loaded.model(), saved.model())).as("every parameter's values and gradients").isTrue();
        assertThat(loaded.losses()).containsExactly(saved.losses());
        assertThat(loaded.curve()).containsExactly(saved.curve());
        assertThat(loaded.accuracy()).isEqualTo(saved.accuracy());
        assertThat(loaded.seed()).isEqualTo(11);
        assertThat(loaded.time()).contains("saved by an earlier run").contains("1.25 s CPU");
    }

    @Test
    void nothing_is_loaded_under_another_name_into_another_shape_or_from_a_damaged_file() throws IOException {
        assertThat(SavedModels.load(folder, "2-layer-transformer", PointerModels.transformer(2, new Random(3))))
                .as("nothing saved").isEmpty();
        SavedModels.save(folder, "1-layer-transformer", model(1, 5));
        assertThat(SavedModels.load(folder, "2-layer-transformer", PointerModels.transformer(2, new Random(3))))
                .as("another name").isEmpty();
        Files.copy(folder.resolve("1-layer-transformer.model"), folder.resolve("2-layer-transformer.model"));
        assertThat(SavedModels.load(folder, "2-layer-transformer", PointerModels.transformer(2, new Random(3))))
                .as("another name's file, renamed: its key names the other model").isEmpty();
        byte[] bytes = Files.readAllBytes(folder.resolve("1-layer-transformer.model"));
        Files.write(folder.resolve("1-layer-transformer.model"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(SavedModels.load(folder, "1-layer-transformer", PointerModels.transformer(1, new Random(3))))
                .as("a truncated file").isEmpty();
        SavedModels.save(folder, "1-layer-transformer", model(1, 5));
        assertThat(SavedModels.load(folder, "1-layer-transformer", PointerModels.transformer(1, new Random(3))))
                .as("saved again, whole").isPresent();
        assertThat(folder.resolve("1-layer-transformer.model.partial")).doesNotExist();
    }

    @Test
    void the_key_names_the_model_and_the_grading_seed() throws IOException {
        assertThat(SavedModels.key("mlp")).hasSize(64).isEqualTo(SavedModels.key("mlp"))
                .isNotEqualTo(SavedModels.key("2-layer-transformer"));
    }
}
