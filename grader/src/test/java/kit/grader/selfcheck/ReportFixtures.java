package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.core.NotImplementedYet;
import kit.grader.scoring.Hint;
import kit.grader.scoring.Points;

/**
 * A made-up second lesson for {@link ReportPageTest}, beside {@link ScoringFixtures}' first: a
 * pass, a failure whose message needs escaping on a page, and a stub. Its name does not end in
 * "Test", so Maven never runs it on its own.
 */
@Tag("lesson4")
class ReportFixtures {

    @Test
    @Order(1)
    @Points(1)
    void passes() {
        assertThat(2 * 2).isEqualTo(4);
    }

    @Test
    @Order(2)
    @Points(2)
    @Hint("compare a < b & c > d")
    void fails_with_markup_in_its_message() {
        assertThat("<b>bold</b> & \"quoted\"").as("a message with <markup>").isEqualTo("plain");
    }

    @Test
    @Order(3)
    @Points(1)
    void hits_a_stub() {
        throw new NotImplementedYet(4, "Embedding.lookup", "copy one row of E per token");
    }
}
