package kit.grader.scoring;

import java.lang.reflect.Method;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Keeps a library class's exception inside the test's time limit. JUnit runs each test in a thread
 * of its own (the preemptive timeout), and hands what it threw to the waiting thread wrapped in an
 * {@code ExecutionException}, whose constructor calls the exception's {@code toString}: a student's
 * exception whose {@code getMessage} never returns would hang the run there, outside every time
 * limit. This interceptor runs inside the test's thread (JUnit's timeout is the outermost
 * interceptor) and passes such an exception on inside a {@link Thrown}, built without calling any of
 * its methods; {@link Failures} reads the original with {@link LibraryCalls}. Registered for every
 * test through {@code META-INF/services}.
 */
public final class LibraryExceptions implements InvocationInterceptor {

    /** A library class's exception, carried as its cause; its own message names only the class. */
    static final class Thrown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Thrown(Throwable thrown) {
            super("thrown by library code: " + thrown.getClass().getName(), thrown, false, false);
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        proceed(invocation);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        return proceed(invocation);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceed(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        proceed(invocation);
    }

    private static <T> T proceed(Invocation<T> invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (Throwable t) {
            throw LibraryCalls.isLibrary(t.getClass().getName()) ? new Thrown(t) : t;
        }
    }
}
