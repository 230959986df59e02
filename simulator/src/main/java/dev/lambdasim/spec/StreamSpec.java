package dev.lambdasim.spec;

/**
 * A Kinesis or DynamoDB stream event source mapping: the function's traffic becomes records on
 * shards, read in order in batches (AWS, "Lambda parameters for Amazon Kinesis Data Streams event source mappings").
 *
 * @param source                 kinesis (a shard is polled once a second when idle) or
 *                               dynamodb (4 times a second)
 * @param shards                 1..10,000
 * @param parallelizationFactor  concurrent batches per shard, 1..10 (default 1); records of one
 *                               partition key stay in order
 * @param batchSize              records per batch at most, 1..10,000 (default 100)
 * @param batchWindowNanos       how long to gather records for a batch that is not full,
 *                               0..300 s (default 0)
 * @param maxRetries             retries of a failed batch, -1 (infinite, default) or 0..10,000
 * @param maxRecordAgeNanos      records older than this are discarded, or
 *                               {@link #INFINITE_RECORD_AGE} (default); else 60 s .. 7 d
 * @param bisectOnError          split a failed batch in two (splits do not consume retries)
 * @param onFailure              name of the on-failure destination (a counted sink), or null
 * @param routing                how records are spread over shards and key lanes
 * @param perRecordNanos         handler time added per record in a batch, at the reference memory
 * @param poisonRate             probability that a record is poison: every batch holding it fails
 */
public record StreamSpec(Source source, int shards, int parallelizationFactor, int batchSize,
    long batchWindowNanos, int maxRetries, long maxRecordAgeNanos, boolean bisectOnError,
    String onFailure, Routing routing, long perRecordNanos, double poisonRate) {

  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final int INFINITE_RETRIES = -1;
  public static final long INFINITE_RECORD_AGE = -1;

  public static StreamSpec defaults() {
    return new StreamSpec(Source.KINESIS, 1, 1, DEFAULT_BATCH_SIZE, 0, INFINITE_RETRIES,
        INFINITE_RECORD_AGE, false, null, Routing.RANDOM, 0, 0);
  }

  /** Where the records come from; it decides how often an idle shard is polled. */
  public enum Source {
    KINESIS("kinesis", 1_000_000_000L),
    DYNAMODB("dynamodb", 250_000_000L);

    private final String label;
    private final long pollIntervalNanos;

    Source(String label, long pollIntervalNanos) {
      this.label = label;
      this.pollIntervalNanos = pollIntervalNanos;
    }

    public String label() {
      return label;
    }

    /** Returns the time between polls of an idle shard. */
    public long pollIntervalNanos() {
      return pollIntervalNanos;
    }
  }

  /**
   * How a record's partition key is modelled: {@code random} draws its shard and its key's lane
   * uniformly (many keys, hashed); {@code round-robin} deals records to shards in turn, and to
   * the lanes of a shard in turn.
   */
  public enum Routing {
    RANDOM("random"),
    ROUND_ROBIN("round-robin");

    private final String label;

    Routing(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
