package dev.lambdasim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds up, period by period, the rows of the functions {@code metrics.csv} does not list (a
 * fleet's functions outside its top N) into one {@value #NAME} row. Counts and time-weighted
 * means add up exactly; durations come from the merged histograms of those functions; maxima
 * (ConcurrentExecutions, ProvisionedConcurrentExecutions, AsyncQueueDepth_max) are sums of the
 * functions' maxima, an upper bound since their peaks need not coincide.
 */
final class OthersRow {

  /** The function name of the aggregate row. */
  static final String NAME = "*others*";

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
  }

  /** Returns the period's row and starts the next period. */
  PeriodRow close(double periodStartSeconds) {
    List<Long> reasons = new ArrayList<>();
    if (byReason != null) {
      for (long count : byReason) {
        reasons.add(count);
      }
    }
    PeriodRow row = new PeriodRow(periodStartSeconds, NAME, invocations, errors, throttles,
        duration.meanMs(), duration.percentileMs(50), duration.percentileMs(99), duration.maxMs(),
        concurrency, provisionedBusy, ready > 0 ? provisionedBusy / ready : 0.0,
        provisionedInvocations, spillover, coldStarts, init.meanMs(), busy, idle, shutdowns,
        timeouts, init.percentileMs(99), initializing, provisionedIdle, created, reasons,
        configured, ready, asyncReceived, asyncAgeMax, asyncDropped, asyncDepth);
    duration.reset();
    init.reset();
    invocations = errors = throttles = concurrency = provisionedBusy = 0;
    provisionedInvocations = spillover = coldStarts = shutdowns = timeouts = created = 0;
    asyncReceived = asyncDropped = asyncDepth = 0;
    busy = idle = initializing = provisionedIdle = configured = ready = asyncAgeMax = 0;
    byReason = null;
    return row;
  }
}
