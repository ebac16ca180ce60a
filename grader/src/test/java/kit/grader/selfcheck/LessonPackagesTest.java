package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import kit.grader.scoring.TestJvm;

/**
 * A lesson's run looks for tests only in its own package ({@link TestJvm#discovery}); it must find
 * exactly the tests that a search of the whole grader finds for the same selection.
 */
@Tag("selfcheck")
@DisplayName("A lesson's tests live in its package")
class LessonPackagesTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lesson1", "lesson2", "lesson3", "lesson4", "lesson5", "lesson6", "lesson7", "lesson8",
        "(lesson1 | lesson3) & (!selfcheck)", "(lesson2 | lesson4 | lesson5 | lesson6 | lesson7 | lesson8) & (!selfcheck)"})
    void a_selection_of_lessons_finds_what_a_search_of_the_whole_grader_finds(String groups) throws IOException {
        LauncherDiscoveryRequest everywhere = LauncherDiscoveryRequestBuilder.request().selectors(selectPackage("kit.grader"))
                .filters(includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN), TagFilter.includeTags(groups))
                .build();
        Set<String> expected = tests(everywhere);
        assertThat(expected).as("the selection finds tests").isNotEmpty();
        assertThat(tests(TestJvm.discovery(groups, "", null))).isEqualTo(expected);
    }

    private static Set<String> tests(LauncherDiscoveryRequest request) {
        var plan = LauncherFactory.create().discover(request);
        Set<String> ids = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            plan.getDescendants(root).stream().filter(TestIdentifier::isTest).forEach(t -> ids.add(t.getUniqueId()));
        }
        return ids;
    }
}
