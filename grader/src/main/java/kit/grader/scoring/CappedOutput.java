package kit.grader.scoring;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Wraps {@code System.out} or {@code System.err} so that one test can print at most a fixed
 * number of bytes; the rest is dropped with one notice. A stray print in a training loop cannot
 * flood a console or a CI log.
 */
final class CappedOutput extends OutputStream {
    private final PrintStream target;
    private final long limit;
    private long written;
    private boolean noticed;
    private final PrintStream stream;

    CappedOutput(PrintStream target, long limit) {
        this.target = target;
        this.limit = limit;
        this.stream = new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    PrintStream stream() {
        return stream;
    }

    synchronized void reset() {
        written = 0;
        noticed = false;
    }

    @Override
    public synchronized void write(int b) {
        if (written++ < limit) {
            target.write(b);
        } else {
            notice();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = Math.max(0, limit - written);
        int n = (int) Math.min(room, len);
        target.write(b, off, n);
        written += len;
        if (n < len) {
            notice();
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    private void notice() {
        if (!noticed) {
            noticed = true;
            target.println();
            target.println("[grader: output of this test cut after " + limit + " bytes]");
        }
    }
}
