package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import kit.grader.scoring.GradingListener;

/** A test that prints without end cannot flood the console: its output is cut once. */
@Tag("selfcheck")
@DisplayName("Output capping")
class CappedOutputTest {

    @Test
    void a_test_that_prints_a_megabyte_shows_16_KB_and_one_notice(@TempDir Path reports) {
        PrintStream original = System.out;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setOut(new PrintStream(seen, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectMethod(NoisyFixture.class, "prints_a_megabyte")).build(),
                            new GradingListener(reports.resolve("run.journal")));
        } finally {
            System.setOut(original);
        }
        String out = seen.toString(StandardCharsets.UTF_8);
        assertThat(out.length()).isBetween(16 * 1024, 17 * 1024);
        assertThat(out).containsOnlyOnce("[grader: output of this test cut after 16384 bytes]");
    }
}
