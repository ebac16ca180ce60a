package kit.grader.scoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The compiled library the test JVMs run against, and how to compile it again with some of the
 * student's methods put back to their stubs: {@link TestRuns} does so for a method found still
 * running when its test ran out of time (or out of memory), so that from then on it is graded
 * exactly as a method that does not compile.
 */
public interface LibraryWithStubs {
    /** A library that is not compiled again (a run without the gate, such as the kit's run of the reference). */
    LibraryWithStubs NONE = new LibraryWithStubs() {
        @Override
        public Path library() {
            return null;
        }

        @Override
        public Set<String> methods() {
            return Set.of();
        }

        @Override
        public boolean compileWith(Set<String> stubbed, Path classes) {
            return false;
        }
    };

    /** The compiled library on the test JVMs' class path. */
    Path library();

    /** The methods a student writes, as "Class.method". */
    Set<String> methods() throws IOException;

    /** Compiles the library into {@code classes} with {@code stubbed} as stubs; false if it cannot. */
    boolean compileWith(Set<String> stubbed, Path classes) throws IOException;
}
