package kit.grader.scoring;

/** How one graded test ended. */
public enum Outcome {
    PASSED,
    FAILED,
    /** The code under test is still a stub: it threw {@code NotImplementedYet}. */
    NOT_STARTED
}
