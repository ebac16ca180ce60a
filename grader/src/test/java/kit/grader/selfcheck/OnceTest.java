package kit.grader.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kit.grader.check.Once;

/** {@link Once}, which lets tests train two models at a time: done once, the same result or exception for every caller. */
@Tag("selfcheck")
@DisplayName("Kit: a training shared between threads runs once")
class OnceTest {

    @Test
    void a_computation_handed_to_the_background_runs_once_and_every_caller_gets_its_result() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Once<Object> once = new Once<>(() -> {
            runs.incrementAndGet();
            release.await();
            return new Object();
        });
        Once.inBackground(once);
        Object[] seen = new Object[2];
        Thread caller = new Thread(() -> seen[0] = once.get());
        caller.start();
        release.countDown();
        seen[1] = once.get();
        caller.join();
        assertThat(seen[0]).isNotNull().isSameAs(seen[1]).isSameAs(once.get());
        assertThat(runs).hasValue(1);
    }

    @Test
    void a_computation_nobody_started_runs_on_the_first_callers_thread() {
        Thread[] ranOn = new Thread[1];
        Once<String> once = new Once<>(() -> {
            ranOn[0] = Thread.currentThread();
            return "done";
        });
        assertThat(once.get()).isEqualTo("done");
        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void a_failure_is_thrown_to_every_caller_as_the_same_exception_without_running_again() {
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        Once<Object> failing = new Once<>(() -> {
            runs.incrementAndGet();
            throw boom;
        });
        assertThatThrownBy(failing::get).isSameAs(boom);
        assertThatThrownBy(failing::get).isSameAs(boom);
        StackOverflowError deep = new StackOverflowError();
        Once<Object> erring = new Once<>(() -> {
            runs.incrementAndGet();
            throw deep;
        });
        Once.inBackground(erring);
        assertThatThrownBy(erring::get).isSameAs(deep);
        assertThatThrownBy(erring::get).isSameAs(deep);
        assertThat(runs).hasValue(2);
    }
}
