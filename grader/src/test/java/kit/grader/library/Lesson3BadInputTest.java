package kit.grader.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Seeds;
import kit.lesson3.Conv2D;
import kit.lesson3.Flatten;
import kit.lesson3.GlobalAvgPool;
import kit.lesson3.LabelledImages;
import kit.lesson3.PixelPermutation;
import kit.lesson3.ShapesTask;
import kit.lesson3.Template;

/**
 * Lesson 3's given code (not graded, so it holds on the stubs too): bad shapes are named before any
 * student code runs, and the data, the permutation and the loss the experiments rest on are right.
 */
@Tag("library")
@DisplayName("Lesson 3: bad input is named, given code is right")
class Lesson3BadInputTest {

    @Test
    void a_convolution_names_the_image_shape_it_got_and_the_one_it_needs() {
        Conv2D conv = new Conv2D(2, 3, 3, new Random(1));
        assertThat(new int[] {conv.inChannels(), conv.outChannels(), conv.kernelSize()}).containsExactly(2, 3, 3);
        assertThat(conv.parameters()).hasToString("[W[3, 2, 3, 3], b[3]]");
        assertThatThrownBy(() -> conv.forward(new double[3][5][5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conv2D.forward input has shape 3 x 5 x 5")
                .hasMessageContaining("expected 2 x H x W with H, W >= 3");
        assertThatThrownBy(() -> conv.forward(new double[2][2][7])).hasMessageContaining("shape 2 x 2 x 7");
        assertThatThrownBy(() -> conv.forward(null)).hasMessageContaining("null or ragged");
        assertThatThrownBy(() -> conv.forward(new double[][][] {{{1, 2, 3}, {1, 2, 3}, {1, 2}}, new double[3][3]}))
                .hasMessageContaining("null or ragged");
        assertThatThrownBy(() -> new Conv2D(1, 0, 3, new Random(1))).hasMessageContaining("outChannels = 0");
        assertThatThrownBy(() -> new Conv2D(1, 1, 0, new Random(1))).hasMessageContaining("kernelSize = 0");
    }

    @Test
    void a_convolution_names_both_shapes_when_dL_dy_does_not_fit_the_input() {
        Conv2D conv = new Conv2D(2, 3, 3, new Random(1));
        assertThatThrownBy(() -> conv.backward(new double[3][5][6], new double[3][3][4]))
                .hasMessageContaining("Conv2D.backward input has shape 3 x 5 x 6");
        assertThatThrownBy(() -> conv.backward(new double[2][5][6], new double[3][4][3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conv2D.backward dL/dy has shape 3 x 4 x 3")
                .hasMessageContaining("expected 3 x 3 x 4");
    }

    @Test
    void the_layers_over_feature_maps_name_what_they_got_and_what_they_expected() {
        assertThatThrownBy(() -> new GlobalAvgPool().forward(new double[0][][]))
                .hasMessageContaining("GlobalAvgPool.forward input has shape 0 x 0 x 0")
                .hasMessageContaining("expected C x H x W with C >= 1, H, W >= 1");
        assertThatThrownBy(() -> new Flatten().forward(null)).hasMessageContaining("Flatten.forward input");
        assertThatThrownBy(() -> new GlobalAvgPool().pool(new double[1][0][0]))
                .hasMessageContaining("GlobalAvgPool.pool input has shape 1 x 0 x 0");
        assertThatThrownBy(() -> new GlobalAvgPool().backward(new int[] {2, 3, 4}, new double[3]))
                .hasMessageContaining("the input was 2 x 3 x 4").hasMessageContaining("length 3 but expected length 2");
        assertThatThrownBy(() -> new Flatten().unflatten(new int[] {2, 3, 4}, new double[23]))
                .hasMessageContaining("the input was 2 x 3 x 4").hasMessageContaining("length 23 but expected length 24");
    }

    @Test
    void the_shapes_task_holds_every_template_at_every_position_split_by_position() {
        ShapesTask book = ShapesTask.original();
        LabelledImages train = book.train();
        LabelledImages test = book.test();
        assertThat(train.size()).isEqualTo(100);
        assertThat(test.size()).isEqualTo(300);
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < train.size(); n++) {
            seen.add(Arrays.deepToString(train.images().get(n)));
        }
        int[] perClass = new int[ShapesTask.CLASSES];
        for (int n = 0; n < test.size(); n++) {
            double[][][] image = test.images().get(n);
            assertThat(seen).as("a test image also in training").doesNotContain(Arrays.deepToString(image));
            assertThat(Arrays.stream(image[0]).flatMapToDouble(Arrays::stream).sum()).as("lit pixels").isEqualTo(3);
            perClass[test.label(n)]++;
        }
        assertThat(perClass).containsOnly(75);
        assertThat(train.targets()[5]).containsExactly(0, 1, 0, 0);
        assertThat(book.seenInTraining(0, 0)).isTrue();
        assertThat(book.seenInTraining(0, 1)).isFalse();
        assertThat(book.templates()).containsExactlyElementsOf(Template.book());
        assertThat(Template.DIAGONAL.drawAt(4, 1, 0)[0]).isDeepEqualTo(new double[][] {
                {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}});
        assertThat(Template.HORIZONTAL_BAR.pixels()[1]).containsExactly(1, 1, 1);
        assertThatThrownBy(() -> Template.VERTICAL_BAR.drawAt(12, 10, 0))
                .hasMessageContaining("at (10, 0) does not fit a 12 x 12 canvas");
        assertThatThrownBy(() -> Template.of("two pixels", "#..\n.#.\n...\n"))
                .hasMessageContaining("3 rows with 3 lit pixels").hasMessageContaining("got 3 rows with 2 lit");
    }

    @Test
    void a_drawn_shapes_task_has_four_different_shapes_and_training_positions_in_every_row_and_column() {
        List<Template> shapes = Template.strokes();
        assertThat(shapes).hasSize(20);
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = 0; j < shapes.size(); j++) {
                assertThat(shapes.get(i).sameShapeAs(shapes.get(j))).as(shapes.get(i) + " and " + shapes.get(j))
                        .isEqualTo(i == j);
            }
        }
        assertThat(shapes).anyMatch(Template.VERTICAL_BAR::sameShapeAs).anyMatch(Template.DIAGONAL::sameShapeAs);
        for (int seed = 0; seed < 50; seed++) {
            ShapesTask task = ShapesTask.drawn(new Random(Seeds.seed(seed)));
            List<Template> templates = task.templates();
            assertThat(templates).hasSize(ShapesTask.CLASSES);
            for (int i = 0; i < templates.size(); i++) {
                for (int j = i + 1; j < templates.size(); j++) {
                    assertThat(templates.get(i).sameShapeAs(templates.get(j))).as(task.toString()).isFalse();
                }
            }
            int positions = 0;
            for (int row = 0; row < ShapesTask.POSITIONS_PER_SIDE; row++) {
                boolean inRow = false;
                boolean inColumn = false;
                for (int col = 0; col < ShapesTask.POSITIONS_PER_SIDE; col++) {
                    positions += task.seenInTraining(row, col) ? 1 : 0;
                    inRow |= task.seenInTraining(row, col);
                    inColumn |= task.seenInTraining(col, row);
                }
                assertThat(inRow && inColumn).as("row and column " + row + " of " + task).isTrue();
            }
            assertThat(positions).isEqualTo(ShapesTask.TRAINING_POSITIONS);
            assertThat(task.train().size()).isEqualTo(100);
            assertThat(task.test().size()).isEqualTo(300);
        }
        assertThatThrownBy(() -> ShapesTask.original().seenInTraining(10, 0)).hasMessageContaining("(10, 0) is not a position");
    }

    @Test
    void a_pixel_permutation_moves_pixels_and_weights_alike() {
        PixelPermutation p = PixelPermutation.random(2, 3, 4, new Random(Seeds.seed(41)));
        double[][][] x = new double[2][3][4];
        double[] flat = new double[24];
        for (int n = 0; n < 24; n++) {
            x[n / 12][(n % 12) / 4][n % 4] = n;
            flat[n] = n;
        }
        double[][][] moved = p.apply(x);
        double[] movedFlat = p.apply(flat);
        double[] movedImageFlat = Arrays.stream(moved).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
        assertThat(movedImageFlat).as("the image and its flattened copy move alike").containsExactly(movedFlat);
        assertThat(Arrays.stream(movedFlat).sorted().toArray()).as("a permutation").containsExactly(flat);
        assertThat(movedFlat).as("a shuffle, not the identity").isNotEqualTo(flat);
        assertThatThrownBy(() -> p.apply(new double[1][3][4])).hasMessageContaining("shape 1 x 3 x 4");
        assertThatThrownBy(() -> p.apply(new double[12])).hasMessageContaining("length 12 but expected length 24");
        assertThatThrownBy(() -> PixelPermutation.random(0, 3, 4, new Random(1))).hasMessageContaining("0 x 3 x 4");
    }

    @Test
    void argmax_takes_the_first_of_equal_logits() {
        assertThat(LabelledImages.argmax(new double[] {1, 3, 3, 2})).isEqualTo(1);
    }
}
