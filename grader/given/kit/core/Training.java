package kit.core;

/** How long and in what portions to train: {@code epochs} passes over the data, {@code batchSize} examples a step. */
public record Training(int epochs, int batchSize) {
    public Training {
        if (epochs < 0) {
            throw new IllegalArgumentException("Training: epochs is " + epochs + " but must be at least 0");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Training: batchSize is " + batchSize + " but must be at least 1");
        }
    }
}
