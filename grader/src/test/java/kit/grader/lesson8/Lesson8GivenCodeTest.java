package kit.grader.lesson8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.Network;
import kit.grader.check.Contract;
import kit.grader.check.Seeds;
import kit.lesson2.SoftmaxCrossEntropy;
import kit.lesson8.Bandit;
import kit.lesson8.Episode;
import kit.lesson8.GridWorld;
import kit.lesson8.Reinforce;
import kit.lesson8.SoftmaxPolicy;

/**
 * Lesson 8's given code (not graded, so it holds on the stubs too): the gridworld moves as the book
 * says, the bandit keeps the layer contract, and bad input is named.
 */
@Tag("library")
@DisplayName("Lesson 8: the given code")
class Lesson8GivenCodeTest {

    @Test
    void the_gridworld_moves_by_one_cell_and_a_move_off_the_grid_or_into_a_wall_stays_put() {
        GridWorld original = GridWorld.original();
        assertThat(original.move(0, 0)).as("up from the start corner").isEqualTo(0);
        assertThat(original.move(0, 2)).as("left from the start corner").isEqualTo(0);
        assertThat(original.move(0, 1)).as("down from the start corner").isEqualTo(5);
        assertThat(original.move(0, 3)).as("right from the start corner").isEqualTo(1);
        assertThat(original.move(12, 0)).as("up from the centre").isEqualTo(7);
        assertThat(original.move(24, 1)).as("down from the goal corner").isEqualTo(24);
        assertThat(original.move(24, 3)).as("right from the goal corner").isEqualTo(24);
        assertThat(original.move(19, 1)).as("down onto the goal").isEqualTo(original.goal());
        assertThat(original.reward(original.goal())).isEqualTo(1.0);
        assertThat(original.reward(12)).isEqualTo(-0.01);
        assertThat(original.shortestPath()).isEqualTo(8);
        assertThat(GridWorld.input(7)).hasSize(25).containsOnly(0.0, 1.0);
        assertThat(GridWorld.input(7)[7]).isEqualTo(1.0);
        GridWorld walled = new GridWorld(0, 24, new int[] {1, 6}, -0.02, 0.9);
        assertThat(walled.move(0, 3)).as("right into the wall at 1").isEqualTo(0);
        assertThat(walled.move(5, 0)).as("up from 5 onto the start").isEqualTo(0);
        assertThat(walled.move(11, 0)).as("up into the wall at 6").isEqualTo(11);
        assertThat(walled.reward(24)).isEqualTo(0.9);
        assertThat(walled.reward(3)).isEqualTo(-0.02);
        assertThat(walled.toString()).contains("walls [1, 6]");
    }

    @Test
    void a_drawn_world_has_three_walls_and_a_goal_at_least_seven_steps_from_its_start_and_varies_with_the_seed() {
        java.util.Set<String> layouts = new java.util.HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            GridWorld world = GridWorld.drawn(new Random(seed));
            int walls = 0;
            for (int s = 0; s < GridWorld.STATES; s++) {
                walls += world.isWall(s) ? 1 : 0;
            }
            assertThat(walls).as("walls of %s", world).isEqualTo(GridWorld.WALLS);
            assertThat(world.shortestPath()).as("shortest path of %s", world).isBetween(GridWorld.MIN_DISTANCE,
                    GridWorld.MAX_STEPS);
            assertThat(world.stepReward()).isBetween(-0.015, -0.005);
            assertThat(world.goalReward()).isBetween(0.8, 1.2);
            layouts.add(world.start() + "->" + world.goal());
        }
        assertThat(layouts).as("start and goal pairs over 50 seeds").hasSizeGreaterThan(30);
    }

    @Test
    void an_episode_knows_its_return_and_its_world_whether_it_reached_the_goal() {
        GridWorld original = GridWorld.original();
        Episode success = new Episode(new int[] {18, 23}, new int[] {1, 3}, new double[] {-0.01, 1});
        assertThat(original.reachedGoal(success)).isTrue();
        assertThat(success.totalReturn()).isEqualTo(0.99);
        assertThat(success.length()).isEqualTo(2);
        assertThat(success.inputs()).hasDimensions(2, 25);
        assertThat(success.states()).containsExactly(18, 23);
        assertThat(success.actions()).containsExactly(1, 3);
        assertThat(success.toString()).contains("[18, 23]");
        assertThat(original.reachedGoal(new Episode(new int[] {0}, new int[] {0}, new double[] {-0.01}))).isFalse();
    }

    @Test
    void the_bandit_keeps_the_layer_contract_and_its_logits_are_its_parameters() {
        Bandit bandit = new Bandit(new double[] {0.2, -0.1, 0.4}, new double[] {1, 0, 0.5});
        Contract.assertForward("Bandit", "forward", bandit, Bandit.state());
        Contract.assertBackward("Bandit", "backward", bandit, Bandit.state(), Seeds.seed(89));
        assertThat(bandit.forward(Bandit.state()).output()).containsExactly(0.2, -0.1, 0.4);
        assertThat(bandit.arms()).isEqualTo(3);
        assertThat(bandit.reward(2)).isEqualTo(0.5);
        assertThat(bandit.parameters()).hasSize(1);
        assertThat(bandit.parameters().get(0).name()).isEqualTo("theta");
    }

    @Test
    void greedy_takes_the_first_largest_logit() {
        assertThat(SoftmaxPolicy.greedy(new double[] {0.1, 3, -2, 3})).isEqualTo(1);
        assertThat(SoftmaxPolicy.greedy(new double[] {-1})).isEqualTo(0);
    }

    @Test
    void bad_input_is_named() {
        GridWorld original = GridWorld.original();
        assertThatThrownBy(() -> original.move(25, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 25");
        assertThatThrownBy(() -> original.move(3, 4)).hasMessageContaining("action 4");
        assertThatThrownBy(() -> original.evaluate(GridWorld.policy(new Random(1)), 0, new Random(1)))
                .hasMessageContaining("episodes is 0");
        assertThatThrownBy(() -> new GridWorld(3, 3, new int[0], -0.01, 1)).hasMessageContaining("start 3 and goal 3");
        assertThatThrownBy(() -> new GridWorld(0, 24, new int[] {24}, -0.01, 1)).hasMessageContaining("neither a wall");
        assertThatThrownBy(() -> new GridWorld(0, 24, new int[] {30}, -0.01, 1)).hasMessageContaining("a wall is 30");
        assertThatThrownBy(() -> new GridWorld(0, 24, new int[0], 0.01, 1)).hasMessageContaining("step reward is 0.01");
        assertThatThrownBy(() -> new Episode(new int[] {0, 1}, new int[] {0}, new double[] {0}))
                .hasMessageContaining("lengths 2, 1 and 1");
        assertThatThrownBy(() -> new Episode(new int[] {0}, new int[] {7}, new double[] {0}))
                .hasMessageContaining("action 7");
        assertThatThrownBy(() -> new Bandit(new double[] {0, 1}, new double[] {1}))
                .hasMessageContaining("lengths 2 and 1");
        Bandit bandit = new Bandit(new double[] {0, 1}, new double[] {1, 0});
        assertThatThrownBy(() -> bandit.forward(new double[2])).hasMessageContaining("input has length 2");
        assertThatThrownBy(() -> bandit.forward(Bandit.state()).backward(new double[3]))
                .hasMessageContaining("dL/dz has length 3");
        assertThatThrownBy(() -> bandit.reward(2)).hasMessageContaining("arm 2");
        assertThatThrownBy(() -> SoftmaxPolicy.sample(new double[0], new Random(1)))
                .hasMessageContaining("logits are of length 0");
        assertThatThrownBy(() -> SoftmaxPolicy.greedy(null)).hasMessageContaining("at least one logit");
        assertThatThrownBy(() -> Reinforce.returnsToGo(new double[0], 0.9)).hasMessageContaining("at least one reward");
        assertThatThrownBy(() -> Reinforce.weights(null, 0)).hasMessageContaining("returns are null");
        Network<double[]> policy = GridWorld.policy(new Random(1));
        assertThatThrownBy(() -> new Reinforce(policy, parameters -> { }, 1.5, 0.9)).hasMessageContaining("gamma is 1.5");
        assertThatThrownBy(() -> new Reinforce(policy, parameters -> { }, 0.9, 0.9).train(original, -1, new Random(1)))
                .hasMessageContaining("episodes is -1");
        assertThatThrownBy(() -> new Reinforce(policy, parameters -> { }, 0.9, 0.9).train(null, 1, new Random(1)))
                .hasMessageContaining("the world is null");
        assertThatThrownBy(() -> new Reinforce(policy, parameters -> { }, 0.9, 0.9).learn(null))
                .hasMessageContaining("episode is null");
        assertThatThrownBy(() -> new Reinforce(null, parameters -> { }, 0.9, 0.9)).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> Reinforce.update(policy, new double[2][25], new int[] {0}, new double[2], parameters -> { }))
                .hasMessageContaining("lengths 2, 1 and 2");
        Network<double[]> bandit3 = new Network<>(new Bandit(new double[3], new double[3]), new SoftmaxCrossEntropy());
        assertThatThrownBy(() -> Reinforce.update(bandit3, new double[][] {Bandit.state()}, new int[] {3}, new double[1],
                parameters -> { })).hasMessageContaining("action 3 at step 0").hasMessageContaining("3 actions");
    }
}
