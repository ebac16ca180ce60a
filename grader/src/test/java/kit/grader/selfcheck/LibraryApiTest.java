package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import kit.grader.tools.LibraryApi;

/**
 * The copy of the library the grader compiles against: rewritten when the API changes (and the
 * change named by file), left alone when only a method body did, so that Maven does not recompile
 * the grader after every edit.
 */
@Tag("selfcheck")
@DisplayName("The library's API copy")
@Timeout(value = 60, unit = TimeUnit.SECONDS)   // three compilations
class LibraryApiTest {
    @TempDir
    Path dir;

    private Path compile(String body, String signature) throws IOException {
        Path source = dir.resolve("src/kit/lesson9/Thing.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package kit.lesson9;\npublic final class Thing {\n    public " + signature + " {\n        "
                + body + "\n    }\n    private int hidden() {\n        return 1;\n    }\n}\n");
        Path classes = dir.resolve("library");
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", classes.toString(),
                source.toString());
        assertThat(exit).as("javac").isZero();
        return classes.resolve("kit/lesson9/Thing.class");
    }

    @Test
    void an_edit_inside_a_method_leaves_the_copy_alone_and_a_changed_signature_is_named() throws IOException {
        Path api = dir.resolve("library-api");
        Path state = dir.resolve("api.properties");
        Path copied = api.resolve("kit/lesson9/Thing.class");

        compile("return 2 * x;", "double twice(double x)");
        assertThat(LibraryApi.sync(dir.resolve("library"), api, state)).as("notes of the first copy").isEmpty();
        byte[] first = Files.readAllBytes(copied);

        Path edited = compile("return x + x;", "double twice(double x)");
        assertThat(Files.readAllBytes(edited)).as("the edited class").isNotEqualTo(first);
        assertThat(LibraryApi.sync(dir.resolve("library"), api, state)).as("notes after a body edit").isEmpty();
        assertThat(Files.readAllBytes(copied)).as("the copy after a body edit").isEqualTo(first);

        compile("return 2 * x;", "double twice(double x, int times)");
        List<String> notes = LibraryApi.sync(dir.resolve("library"), api, state);
        assertThat(notes).singleElement().asString().contains("exercises/src/main/java/kit/lesson9/Thing.java",
                "gone: twice(D)D", "new: twice(DI)D").doesNotContain("hidden");
        assertThat(Files.readAllBytes(copied)).as("the copy after a signature change").isNotEqualTo(first);
    }
}
