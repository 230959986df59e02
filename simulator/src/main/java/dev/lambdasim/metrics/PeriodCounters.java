package dev.lambdasim.metrics;

/**
 * What one function counted in the current metrics period, reset when it closes: the counts of
 * the counting columns, the period's durations, and the ages of async events, stream batches and
 * SQS messages. Gauges keep their own period state.
 */
final class PeriodCounters {

  final ColumnCounts counts = new ColumnCounts();
  final PeriodHistograms histograms = new PeriodHistograms();
  /** Async events, when invoked. */
  final AgeTally asyncAge = new AgeTally();
  /** Streams: each batch's last record, when the batch is sent ({@code IteratorAge}). */
  final AgeTally iteratorAge = new AgeTally();
  /** SQS: each message, when received in a batch. */
  final AgeTally messageAge = new AgeTally();

  void reset() {
    counts.reset();
    histograms.reset();
    asyncAge.reset();
    iteratorAge.reset();
    messageAge.reset();
  }
}
