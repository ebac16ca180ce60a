package kit.grader.lesson8;

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
import kit.lesson8.Reinforce;

@Tag("lesson8")
@Order(2)
@DisplayName("Reinforce.returnsToGo")
class ReturnsToGoTest {

    @Test
    @Order(1)
    @Points(1)
    @Hint("G[t] = r[t] + gamma * G[t+1], starting from G[T-1] = r[T-1] at the end")
    void an_episode_that_reaches_the_goal_on_its_third_step_has_returns_0_9602_0_98_and_1() {
        // G2 = 1, G1 = -0.01 + 0.99 * 1 = 0.98, G0 = -0.01 + 0.99 * 0.98 = 0.9602
        assertThat(Reinforce.returnsToGo(new double[] {-0.01, -0.01, 1}, 0.99))
                .containsExactly(new double[] {0.9602, 0.98, 1}, within(1e-12));
    }

    @Test
    @Order(2)
    @Points(1)
    @Hint("with gamma = 1 the return-to-go is the plain sum of the rewards from t to the end")
    void with_gamma_1_the_returns_are_the_sums_of_the_remaining_rewards() {
        assertThat(Reinforce.returnsToGo(new double[] {1, 2, 3, 4}, 1))
                .containsExactly(new double[] {10, 9, 7, 4}, within(1e-12));
        assertThat(Reinforce.returnsToGo(new double[] {-0.01, -0.01, -0.01, -0.01, -0.01}, 1))
                .containsExactly(new double[] {-0.05, -0.04, -0.03, -0.02, -0.01}, within(1e-12));
    }

    @Test
    @Order(3)
    @Points(1)
    @Hint("a one-step episode's return is its one reward; with gamma = 0 every return is its own reward")
    void a_one_step_episode_returns_its_reward_and_gamma_0_returns_each_reward() {
        assertThat(Reinforce.returnsToGo(new double[] {0.7}, 0.99)).containsExactly(0.7);
        assertThat(Reinforce.returnsToGo(new double[] {-0.01}, 1)).containsExactly(-0.01);
        assertThat(Reinforce.returnsToGo(new double[] {3, -1, 2}, 0)).containsExactly(3, -1, 2);
    }

    @Test
    @Order(4)
    @Points(1)
    @Hint("G[0] must be the whole discounted sum r[0] + gamma r[1] + gamma^2 r[2] + ...; "
            + "return a new array and leave the rewards untouched")
    void the_first_return_of_a_random_episode_is_its_discounted_sum_and_the_rewards_are_untouched() {
        Random rng = new Random(Seeds.seed(82));
        double[] rewards = new double[25];
        for (int t = 0; t < rewards.length; t++) {
            rewards[t] = rng.nextGaussian();
        }
        double[] kept = rewards.clone();
        double gamma = 0.9;
        double[] g = Reinforce.returnsToGo(rewards, gamma);
        assertThat(rewards).as("the rewards after returnsToGo").containsExactly(kept);
        assertThat(g).as("returnsToGo").hasSize(25).isNotSameAs(rewards);
        for (int t = 0; t < rewards.length; t++) {
            double direct = 0;
            for (int k = t; k < rewards.length; k++) {
                direct += Math.pow(gamma, k - t) * rewards[k];
            }
            assertThat(g[t]).as("G[%d] against sum over k >= %d of gamma^(k-%d) r[k]", t, t, t)
                    .isCloseTo(direct, within(1e-12));
        }
    }
}
