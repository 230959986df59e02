package dev.lambdasim.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a function's event source mapping (SQS queue or stream) did: messages or records
 * received, batches, the backlog, message age (SQS) and {@code IteratorAge} (streams), and what
 * went to the dead-letter queue or on-failure destination.
 */
public final class EsmMetrics {

  /** How many on-failure destination records are listed in full (the count goes on). */
  public static final int MAX_FAILURE_RECORDS_KEPT = 1000;

  private final long warmupNanos;
  /** Messages or records waiting for a batch (SQS: visible messages). */
  public final Gauge backlog;
  /** Batches being invoked (running on an environment). */
  public final Gauge batchesInFlight;
  /** SQS: concurrent batches the pollers allow now. */
  public final Gauge pollerConcurrency;

  private final PeriodCounters period;

  private long received;
  private long batches;
  private long batchRecords;
  private long receives;
  private long throttledBatches;
  private long failedBatches;
  private long retries;
  private long bisections;
  private final LatencyHistogram iteratorAge = new LatencyHistogram(3);
  private final LatencyHistogram messageAge = new LatencyHistogram(3);
  private final Map<String, Long> failedByCondition = new TreeMap<>();
  private final Map<String, Long> deliveries = new TreeMap<>();
  private final List<FailureRecord> failureRecords = new ArrayList<>();
  private long failureRecordCount;

  EsmMetrics(long warmupNanos, PeriodCounters period) {
    this.warmupNanos = warmupNanos;
    this.period = period;
    this.backlog = new Gauge(warmupNanos);
    this.batchesInFlight = new Gauge(warmupNanos);
    this.pollerConcurrency = new Gauge(warmupNanos);
  }

  /** A message or record entered the queue or stream. */
  public void received(boolean measured) {
    period.counts.increment(PeriodColumn.ESM_RECORDS_RECEIVED);
    if (measured) {
      received++;
    }
  }

  /** SQS: a message was received in a batch {@code ageNanos} after it was sent. */
  public void messageReceived(boolean measured, long ageNanos) {
    period.messageAge.record(ageNanos);
    if (measured) {
      receives++;
      messageAge.recordNanos(ageNanos);
    }
  }

  /**
   * A batch of {@code records} was sent to the function; streams give the age of its last
   * record ({@code IteratorAge}), SQS gives -1.
   */
  public void batchInvoked(long nowNanos, int records, long iteratorAgeNanos) {
    period.counts.increment(PeriodColumn.ESM_BATCHES);
    if (iteratorAgeNanos >= 0) {
      period.iteratorAge.record(iteratorAgeNanos);
    }
    if (nowNanos >= warmupNanos) {
      batches++;
      batchRecords += records;
      if (iteratorAgeNanos >= 0) {
        iteratorAge.recordNanos(iteratorAgeNanos);
      }
    }
  }

  /** A batch's invocation attempt was throttled. */
  public void batchThrottled(long nowNanos) {
    if (nowNanos >= warmupNanos) {
      throttledBatches++;
    }
  }

  /** A batch's invocation ended in a function error or timeout. */
  public void batchFailed(long nowNanos) {
    if (nowNanos >= warmupNanos) {
      failedBatches++;
    }
  }

  /** A failed batch will be retried (streams). */
  public void retried(long nowNanos) {
    if (nowNanos >= warmupNanos) {
      retries++;
    }
  }

  /** A failed batch was split in two (streams, bisectOnError). */
  public void bisected(long nowNanos) {
    if (nowNanos >= warmupNanos) {
      bisections++;
    }
  }

  /**
   * One message or record ended without success under {@code condition} and went to
   * {@code target} (a dead-letter queue or on-failure destination; null for none).
   */
  public void failed(boolean measured, String condition, String target) {
    period.counts.increment(PeriodColumn.ESM_FAILED_RECORDS);
    if (measured) {
      failedByCondition.merge(condition, 1L, Long::sum);
      if (target != null) {
        deliveries.merge(target, 1L, Long::sum);
      }
    }
  }

  /** A stream's on-failure destination record: a shard's sequence range given up at once. */
  public void failureRecord(FailureRecord record) {
    if (record.timeNanos() < warmupNanos) {
      return;
    }
    failureRecordCount++;
    if (failureRecords.size() < MAX_FAILURE_RECORDS_KEPT) {
      failureRecords.add(record);
    }
  }

  public long received() {
    return received;
  }

  public long batches() {
    return batches;
  }

  /** Returns the mean records per invoked batch (NaN when none). */
  public double meanBatchSize() {
    return batches == 0 ? Double.NaN : (double) batchRecords / batches;
  }

  /** SQS: messages received in batches (a message received twice counts twice). */
  public long receives() {
    return receives;
  }

  public long throttledBatches() {
    return throttledBatches;
  }

  public long failedBatches() {
    return failedBatches;
  }

  public long retries() {
    return retries;
  }

  public long bisections() {
    return bisections;
  }

  public LatencyHistogram iteratorAge() {
    return iteratorAge;
  }

  public LatencyHistogram messageAge() {
    return messageAge;
  }

  public Map<String, Long> failedByCondition() {
    return new TreeMap<>(failedByCondition);
  }

  public Map<String, Long> deliveries() {
    return new TreeMap<>(deliveries);
  }

  public List<FailureRecord> failureRecords() {
    return List.copyOf(failureRecords);
  }

  public long failureRecordCount() {
    return failureRecordCount;
  }

  /**
   * A record of the on-failure destination (the {@code KinesisBatchInfo} of a stream's failure
   * record): the shard, the sequence range, how many records, and why.
   */
  public record FailureRecord(long timeNanos, int shard, long firstSequence, long lastSequence,
      int records, String condition, int approximateInvokeCount) {}
}
