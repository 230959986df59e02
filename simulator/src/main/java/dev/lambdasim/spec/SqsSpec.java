package dev.lambdasim.spec;

/**
 * An SQS event source mapping: the function's traffic becomes messages in a simulated standard
 * queue, polled in batches (AWS, "Configuring scaling behavior for SQS event source mappings").
 *
 * @param batchSize             messages per batch at most, 1..10,000 (default 10); above 10 the
 *                              batch window must be at least 1 s
 * @param batchWindowNanos      how long a poller gathers messages for a batch that is not full,
 *                              0..300 s (default 0: send what is there)
 * @param maximumConcurrency    the mapping's cap on concurrent batches, 2..1,000, or
 *                              {@link #NO_MAXIMUM_CONCURRENCY}
 * @param visibilityTimeoutNanos how long received messages stay invisible; a failed or throttled
 *                              batch's messages return to the queue when it ends (0 s..12 h,
 *                              default 30 s, SQS's default); at least the function's timeout
 * @param maxReceiveCount       receives after which a message goes to the dead-letter queue
 *                              (the queue's redrive policy), 1..1,000, or {@link #NO_REDRIVE}
 * @param deadLetter            name of the dead-letter queue (a counted sink)
 * @param scaling               how the pollers scale: {@code current} (since Nov 2023) or
 *                              {@code legacy}
 * @param perRecordNanos        handler time added per message in a batch, at the reference memory
 * @param poisonRate            probability that a message is poison: every batch holding it fails
 */
public record SqsSpec(int batchSize, long batchWindowNanos, int maximumConcurrency,
    long visibilityTimeoutNanos, int maxReceiveCount, String deadLetter, Scaling scaling,
    long perRecordNanos, double poisonRate) {

  public static final int DEFAULT_BATCH_SIZE = 10;
  public static final long DEFAULT_VISIBILITY_TIMEOUT_NANOS = 30_000_000_000L;
  public static final int NO_MAXIMUM_CONCURRENCY = 0;
  public static final int NO_REDRIVE = 0;
  public static final String DEFAULT_DEAD_LETTER = "dlq";

  public static SqsSpec defaults() {
    return new SqsSpec(DEFAULT_BATCH_SIZE, 0, NO_MAXIMUM_CONCURRENCY,
        DEFAULT_VISIBILITY_TIMEOUT_NANOS, NO_REDRIVE, DEFAULT_DEAD_LETTER, Scaling.CURRENT, 0, 0);
  }

  /** Returns whether messages go to a dead-letter queue after {@code maxReceiveCount} receives. */
  public boolean hasRedrive() {
    return maxReceiveCount != NO_REDRIVE;
  }

  /** Returns the most concurrent batches the pollers may reach. */
  public int concurrencyCap() {
    int platform = scaling.maxConcurrency();
    return maximumConcurrency == NO_MAXIMUM_CONCURRENCY
        ? platform : Math.min(platform, maximumConcurrency);
  }

  /**
   * How the SQS pollers scale out: today's rule (AWS, "Configuring scaling behavior for SQS event
   * source mappings"; AWS Compute Blog, "Introducing faster polling scale-up for AWS Lambda
   * functions configured with Amazon SQS", 2023) or the earlier one (the Lambda Developer Guide
   * before 2023, "Using Lambda with Amazon SQS").
   */
  public enum Scaling {
    /** Since Nov 2023: 5 concurrent batches at first, +300 per minute, at most 1,250. */
    CURRENT("current", 300, 1250),
    /** Before Nov 2023: 5 at first, +60 per minute, at most 1,000. */
    LEGACY("legacy", 60, 1000);

    private final String label;
    private final int perMinute;
    private final int maxConcurrency;

    Scaling(String label, int perMinute, int maxConcurrency) {
      this.label = label;
      this.perMinute = perMinute;
      this.maxConcurrency = maxConcurrency;
    }

    public String label() {
      return label;
    }

    /** Returns how many concurrent batches are added per minute while messages wait. */
    public int perMinute() {
      return perMinute;
    }

    public int maxConcurrency() {
      return maxConcurrency;
    }
  }
}
