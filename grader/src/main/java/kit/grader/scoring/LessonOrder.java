package kit.grader.scoring;

import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * Runs the test classes lesson by lesson, in the order a student works through them: by package
 * ({@code kit.grader.lesson1} before {@code lesson2}, the kit's own checks last), then by
 * {@link Order} within a package, then by name. A student's endless loop in Lesson 1 then meets
 * Lesson 1's tests first, and the run's limit on timeouts never cuts off an earlier lesson's
 * tests that do not use the looping code. It extends {@link ClassOrderer.OrderAnnotation}, whose
 * {@code @Order} it still reads, so that JUnit does not warn that the annotation goes unused.
 */
public final class LessonOrder extends ClassOrderer.OrderAnnotation {
    private static final Comparator<ClassDescriptor> ORDER = Comparator
            .comparing((ClassDescriptor d) -> d.getTestClass().getPackageName())
            .thenComparingInt(d -> d.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT))
            .thenComparing(d -> d.getTestClass().getName());

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(ORDER);
    }
}
