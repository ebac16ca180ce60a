package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.report.Verdict;

/** The build's verdict: what passes for a student, for the reference and for the untouched stubs. */
@Tag("selfcheck")
@DisplayName("The verdict")
class VerdictTest {

    static Properties totals(int score, int max, int graded, int notStarted, boolean refused) {
        Properties p = new Properties();
        p.setProperty("score", String.valueOf(score));
        p.setProperty("max_score", String.valueOf(max));
        p.setProperty("graded", String.valueOf(graded));
        p.setProperty("not_started", String.valueOf(notStarted));
        p.setProperty("refused", String.valueOf(refused));
        return p;
    }

    @Test
    void full_marks_passes_only_at_the_maximum_and_never_for_a_refused_submission() {
        assertThat(Verdict.problem("full-marks", totals(35, 35, 17, 0, false))).isNull();
        assertThat(Verdict.problem("full-marks", totals(34, 35, 17, 0, false))).contains("grade 34/35");
        assertThat(Verdict.problem("full-marks", totals(0, 35, 17, 0, true))).contains("refused");
        assertThat(Verdict.problem("full-marks", totals(0, 0, 0, 0, false))).contains("no graded test ran");
        Properties brokenKit = totals(35, 35, 17, 0, false);
        brokenKit.setProperty("ungraded_failed", "1");
        assertThat(Verdict.problem("full-marks", brokenKit)).contains("kit check failed");
    }

    @Test
    void nothing_started_passes_only_when_every_test_is_not_started() {
        assertThat(Verdict.problem("nothing-started", totals(0, 35, 17, 17, false))).isNull();
        assertThat(Verdict.problem("nothing-started", totals(0, 35, 17, 16, false)))
                .contains("1 of 17 tests started");
    }

    @Test
    void ends_with_a_plain_closing_line_except_over_the_stubs() {
        Properties run = totals(30, 35, 17, 2, false);
        run.setProperty("passed", "14");
        assertThat(Verdict.closingLine("full-marks", run)).isEqualTo("graded: 14 passed, 3 failed");
        assertThat(Verdict.closingLine("nothing-started", run)).isEqualTo("stubs: 2 of 17 graded tests not started");
    }
}
