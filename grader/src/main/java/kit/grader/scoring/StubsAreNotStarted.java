package kit.grader.scoring;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Turns a stub's {@code NotImplementedYet} into an aborted test, so that Maven lists a stub as
 * skipped rather than printing it as an error: a student who has not started a lesson sees the
 * score table, not a page of failures. Registered for every test through
 * {@code META-INF/services}; {@link GradingListener} still counts the test as "not started".
 */
public final class StubsAreNotStarted implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw translate(throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw translate(throwable);
    }

    private static Throwable translate(Throwable throwable) {
        Failures.NotStarted stub = Failures.notStarted(throwable);
        return stub == null ? throwable : new TestAbortedException("not started: " + stub.message(), throwable);
    }
}
