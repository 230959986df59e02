package dev.lambdasim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds up, period by period, the rows of several functions into one row: the account row
 * ({@code *}), and the {@value #OTHERS} row of the functions {@code metrics.csv} does not list
 * (a fleet's functions outside its top N).
 *
 * <p>Counts and time-weighted means add up exactly (the mean of a sum is the sum of means);
 * durations come from the merged histograms the functions record into; maxima of different
 * functions need not coincide, so their sums are upper bounds — the account row replaces the
 * concurrency maxima with its own gauges, which are exact.
 */
final class RowSum {

  /** The function name of the aggregate row of unlisted functions. */
  static final String OTHERS = "*others*";

  final LatencyHistogram duration = new LatencyHistogram(2);
  final LatencyHistogram init = new LatencyHistogram(2);
  private long invocations;
  private long errors;
  private long throttles;
  private long concurrency;
  private long provisionedBusy;
  private long provisionedInvocations;
  private long spillover;
  private long coldStarts;
  private double busy;
  private double idle;
  private long shutdowns;
  private long timeouts;
  private double initializing;
  private double provisionedIdle;
  private long created;
  private long[] byReason;
  private double configured;
  private double ready;
  private long asyncReceived;
  private double asyncAgeMax;
  private long asyncDropped;
  private long asyncDepth;
  private double iteratorAgeMax;
  private long esmReceived;
  private long esmBatches;
  private long esmBacklog;
  private double messageAgeMax = Double.NaN;
  private long esmConcurrency;
  private long pollerConcurrency;
  private long esmFailed;

  void add(PeriodRow row) {
    invocations += row.invocations();
    errors += row.errors();
    throttles += row.throttles();
    concurrency += row.concurrentExecutions();
    provisionedBusy += row.provisionedConcurrentExecutions();
    provisionedInvocations += row.provisionedConcurrencyInvocations();
    spillover += row.provisionedConcurrencySpilloverInvocations();
    coldStarts += row.coldStarts();
    busy += row.environmentsBusy();
    idle += row.environmentsIdle();
    shutdowns += row.shutdowns();
    timeouts += row.timeouts();
    initializing += row.environmentsInitializing();
    provisionedIdle += row.environmentsProvisionedIdle();
    created += row.environmentsCreated();
    if (byReason == null) {
      byReason = new long[row.throttlesByReason().size()];
    }
    for (int r = 0; r < byReason.length; r++) {
      byReason[r] += row.throttlesByReason().get(r);
    }
    configured += row.provisionedConcurrencyConfigured();
    ready += row.provisionedConcurrencyReady();
    asyncReceived += row.asyncEventsReceived();
    asyncAgeMax = Math.max(asyncAgeMax, row.asyncEventAgeMaxMs());
    asyncDropped += row.asyncEventsDropped();
    asyncDepth += row.asyncQueueDepthMax();
    EsmMetrics.EsmRow esm = row.esm();
    iteratorAgeMax = Math.max(iteratorAgeMax, esm.iteratorAgeMaxMs());
    esmReceived += esm.received();
    esmBatches += esm.batches();
    esmBacklog += esm.backlogMax();
    esmConcurrency += esm.batchesInFlightMax();
    pollerConcurrency += esm.pollerConcurrencyMax();
    if (!Double.isNaN(esm.messageAgeMaxMs())) {
      messageAgeMax = Double.isNaN(messageAgeMax)
          ? esm.messageAgeMaxMs() : Math.max(messageAgeMax, esm.messageAgeMaxMs());
    }
    esmFailed += esm.failedRecords();
  }

  /** Returns the sum of the functions' ConcurrentExecutions maxima (an upper bound). */
  long summedConcurrency() {
    return concurrency;
  }

  /** Returns the sum of the functions' ProvisionedConcurrentExecutions maxima. */
  long summedProvisionedBusy() {
    return provisionedBusy;
  }

  /**
   * Returns the period's row named {@code function}, with the given maxima of concurrency and
   * of busy provisioned environments, and starts the next period.
   */
  PeriodRow close(double periodStartSeconds, String function, long concurrentExecutions,
      long provisionedConcurrentExecutions) {
    List<Long> reasons = new ArrayList<>();
    if (byReason != null) {
      for (long count : byReason) {
        reasons.add(count);
      }
    }
    PeriodRow row = new PeriodRow(periodStartSeconds, function, invocations, errors, throttles,
        duration.meanMs(), duration.percentileMs(50), duration.percentileMs(99), duration.maxMs(),
        concurrentExecutions, provisionedConcurrentExecutions,
        // The busiest moment over the mean ready capacity of the period.
        ready > 0 ? provisionedConcurrentExecutions / ready : 0.0,
        provisionedInvocations, spillover, coldStarts, init.meanMs(), busy, idle, shutdowns,
        timeouts, init.percentileMs(99), initializing, provisionedIdle, created, reasons,
        configured, ready, asyncReceived, asyncAgeMax, asyncDropped, asyncDepth,
        // Means across functions are not kept for aggregate rows (empty cells).
        new EsmMetrics.EsmRow(iteratorAgeMax, Double.NaN, esmReceived, esmBatches, esmBacklog,
            messageAgeMax, Double.NaN, esmConcurrency, pollerConcurrency, esmFailed));
    reset();
    return row;
  }

  private void reset() {
    duration.reset();
    init.reset();
    invocations = errors = throttles = concurrency = provisionedBusy = 0;
    provisionedInvocations = spillover = coldStarts = shutdowns = timeouts = created = 0;
    asyncReceived = asyncDropped = asyncDepth = 0;
    busy = idle = initializing = provisionedIdle = configured = ready = asyncAgeMax = 0;
    iteratorAgeMax = 0;
    esmReceived = esmBatches = esmBacklog = esmConcurrency = pollerConcurrency = esmFailed = 0;
    messageAgeMax = Double.NaN;
    byReason = null;
  }
}
