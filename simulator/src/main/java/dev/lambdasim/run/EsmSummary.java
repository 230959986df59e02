package dev.lambdasim.run;

import dev.lambdasim.metrics.EsmMetrics.FailureRecord;
import java.util.List;
import java.util.Map;

/**
 * A function's event source mapping (SQS queue or stream) over the measured window.
 *
 * @param kind                  {@code sqs} or {@code stream}
 * @param received              messages or records received
 * @param batches               batches invoked (throttled attempts excluded)
 * @param meanBatchSize         records per invoked batch
 * @param receives              SQS: messages received in batches, counting each receive
 * @param throttledBatches      batch invocations throttled
 * @param failedBatches         batch invocations that ended in an error or timeout
 * @param retries               streams: retries of failed batches (splits excluded)
 * @param bisections            streams: failed batches split in two
 * @param messageAgeMs          SQS: age of each message when received
 * @param iteratorAgeMs         streams: age of each batch's last record when sent
 * @param backlogPeak           the most messages (SQS: visible) or records (streams: not yet
 *                              processed) at once
 * @param concurrencyPeak       the most batches running at once
 * @param pollerConcurrencyPeak SQS: the largest concurrency the pollers reached
 * @param failuresByCondition   messages or records ended without success, by condition
 * @param deliveries            messages or records sent to each DLQ or destination
 * @param failureRecordCount    streams: on-failure records (one per range given up at once)
 * @param failureRecords        the first of them
 * @param shards                streams: per shard, over the whole run
 */
public record EsmSummary(String kind, long received, long batches, double meanBatchSize,
    long receives, long throttledBatches, long failedBatches, long retries, long bisections,
    Stats messageAgeMs, Stats iteratorAgeMs, long backlogPeak, long concurrencyPeak,
    long pollerConcurrencyPeak, Map<String, Long> failuresByCondition,
    Map<String, Long> deliveries, long failureRecordCount, List<FailureRecord> failureRecords,
    List<Shard> shards) {

  public EsmSummary {
    failuresByCondition = Map.copyOf(failuresByCondition);
    deliveries = Map.copyOf(deliveries);
    failureRecords = List.copyOf(failureRecords);
    shards = List.copyOf(shards);
  }

  /** Returns the messages or records that ended without success, whatever the condition. */
  public long failed() {
    return failuresByCondition.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One shard of a stream over the whole run.
   *
   * @param givenUp          records that ended without success
   * @param backlogAtEnd     records not yet processed at the end (waiting or in a batch)
   * @param iteratorAgeMaxMs the largest IteratorAge of its batches
   * @param poisoned         poison records it received
   */
  public record Shard(int shard, long received, long succeeded, long givenUp, long backlogAtEnd,
      double iteratorAgeMaxMs, long poisoned) {}
}
