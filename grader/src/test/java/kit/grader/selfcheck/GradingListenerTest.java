package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import kit.grader.report.Reports;
import kit.grader.scoring.GradingListener;
import kit.grader.scoring.TestRuns;

/** The scoring, end to end: a made-up lesson run through the JUnit platform and graded. */
@Tag("selfcheck")
@DisplayName("The grading listener")
class GradingListenerTest {

    @Test
    void scores_passes_failures_stubs_parameterised_tests_and_broken_setups(@TempDir Path reports) throws IOException {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ScoringFixtures.class)).build(),
                new GradingListener(reports.resolve("run.journal")));
        Reports.writeAll(TestRuns.fromJournal(reports.resolve("run.journal")), reports, null);

        Properties totals = new Properties();
        try (var in = Files.newBufferedReader(reports.resolve("verdict.properties"))) {
            totals.load(in);
        }
        assertThat(totals.getProperty("score")).isEqualTo("2");
        assertThat(totals.getProperty("max_score")).isEqualTo("15");
        assertThat(totals.getProperty("passed")).isEqualTo("1");
        assertThat(totals.getProperty("failed")).as("fails, two of three cases, broken setup").isEqualTo("3");
        assertThat(totals.getProperty("not_started")).isEqualTo("1");
        assertThat(totals.getProperty("ungraded_failed")).isEqualTo("1");

        String table = Files.readString(reports.resolve("table.txt"), StandardCharsets.UTF_8);
        assertThat(table)
                .contains("1 Foundations: XOR                    2/15        1       4            (1)")
                .contains("[the sum]").contains("hint: look at the sum")
                .contains("rerun: ./mvnw test -Dtest='ScoringFixtures#fails'")
                .contains("setup broke")
                .contains("not started:\n- lesson 1: Thing.method")
                .contains("KIT CHECKS FAILED")
                .contains("next: fix ScoringFixtures > fails (lesson 1) - look at the sum; book: src/site/markdown/lesson1.md");

        JsonObject results = JsonParser.parseString(Files.readString(reports.resolve("results.json"))).getAsJsonObject();
        assertThat(results.get("score").getAsInt()).isEqualTo(2);
        assertThat(results.getAsJsonArray("tests")).hasSize(5);
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("## Grade: 2 / 15");
    }
}
