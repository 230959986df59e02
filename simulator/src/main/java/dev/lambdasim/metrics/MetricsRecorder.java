package dev.lambdasim.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's metrics: one {@link FunctionMetrics} per function plus account-wide gauges, closed
 * period by period into a {@link MetricsSink}.
 */
public final class MetricsRecorder {

  /** The function name of account rows in {@code metrics.csv}. */
  public static final String ACCOUNT = "*";
  /** The function name of the rows that add up the functions not listed one by one. */
  public static final String OTHERS = OthersRow.NAME;

  private final List<FunctionMetrics> functions = new ArrayList<>();
  /** Per function, whether it has rows of its own; the others go to {@link #others}. */
  private final List<Boolean> listed = new ArrayList<>();
  private OthersRow others;
  private final MetricsSink sink;
  public final Gauge accountConcurrency;
  public final Gauge accountProvisionedBusy;
  private final LatencyHistogram accountDuration = new LatencyHistogram(2);
  private final LatencyHistogram accountInit = new LatencyHistogram(2);

  public MetricsRecorder(long warmupNanos, MetricsSink sink) {
    this.sink = sink;
    this.accountConcurrency = new Gauge(warmupNanos);
    this.accountProvisionedBusy = new Gauge(warmupNanos);
  }

  public FunctionMetrics register(FunctionMetrics metrics) {
    return register(metrics, true);
  }

  /**
   * Registers a function; an unlisted one has no rows of its own but is added to the
   * {@value OthersRow#NAME} row written before each account row (a fleet beyond its top N).
   */
  public FunctionMetrics register(FunctionMetrics metrics, boolean listedOnItsOwn) {
    functions.add(metrics);
    listed.add(listedOnItsOwn);
    if (!listedOnItsOwn && others == null) {
      others = new OthersRow();
    }
    return metrics;
  }

  public List<FunctionMetrics> functions() {
    return List.copyOf(functions);
  }

  /**
   * Writes one row per function and one account row for the period
   * [{@code startNanos}, {@code endNanos}), then starts the next period.
   *
   */
  public void closePeriod(long startNanos, long endNanos) {
    long length = endNanos - startNanos;
    long invocations = 0;
    long errors = 0;
    long throttles = 0;
    long provisionedInvocations = 0;
    long spillover = 0;
    long coldStarts = 0;
    long shutdowns = 0;
    long timeouts = 0;
    long created = 0;
    long asyncReceived = 0;
    long asyncDropped = 0;
    long asyncDepth = 0;
    double asyncAgeMax = 0;
    double iteratorAgeMax = 0;
    long esmReceived = 0;
    long esmBatches = 0;
    long esmBacklog = 0;
    double messageAgeMax = Double.NaN;
    long esmConcurrency = 0;
    long pollerConcurrency = 0;
    long esmFailed = 0;
    double configured = 0;
    double ready = 0;

    double busy = 0;
    double idle = 0;
    double initializing = 0;
    double provisionedIdle = 0;
    long[] byReason = null;
    try {
      for (int i = 0; i < functions.size(); i++) {
        boolean own = listed.get(i);
        PeriodRow row = functions.get(i).closePeriod(startNanos, endNanos,
            own ? accountDuration : others.duration, own ? accountInit : others.init);
        if (own) {
          sink.accept(row);
        } else {
          others.add(row);
        }
        invocations += row.invocations();
        errors += row.errors();
        throttles += row.throttles();
        provisionedInvocations += row.provisionedConcurrencyInvocations();
        spillover += row.provisionedConcurrencySpilloverInvocations();
        coldStarts += row.coldStarts();
        shutdowns += row.shutdowns();
        timeouts += row.timeouts();
        created += row.environmentsCreated();
        asyncReceived += row.asyncEventsReceived();
        asyncDropped += row.asyncEventsDropped();
        // Depth maxima of different functions may not coincide: their sum is an upper bound.
        asyncDepth += row.asyncQueueDepthMax();
        asyncAgeMax = Math.max(asyncAgeMax, row.asyncEventAgeMaxMs());
        EsmMetrics.EsmRow esm = row.esm();
        iteratorAgeMax = Math.max(iteratorAgeMax, esm.iteratorAgeMaxMs());
        esmReceived += esm.received();
        esmBatches += esm.batches();
        // Maxima of different functions may not coincide: their sums are upper bounds.
        esmBacklog += esm.backlogMax();
        esmConcurrency += esm.batchesInFlightMax();
        pollerConcurrency += esm.pollerConcurrencyMax();
        if (!Double.isNaN(esm.messageAgeMaxMs())) {
          messageAgeMax = Double.isNaN(messageAgeMax)
              ? esm.messageAgeMaxMs() : Math.max(messageAgeMax, esm.messageAgeMaxMs());
        }
        esmFailed += esm.failedRecords();
        configured += row.provisionedConcurrencyConfigured();
        ready += row.provisionedConcurrencyReady();

        // Time-weighted means add up across functions: the mean of a sum is the sum of means.
        busy += row.environmentsBusy();
        idle += row.environmentsIdle();
        initializing += row.environmentsInitializing();
        provisionedIdle += row.environmentsProvisionedIdle();
        if (byReason == null) {
          byReason = new long[row.throttlesByReason().size()];
        }
        for (int r = 0; r < byReason.length; r++) {
          byReason[r] += row.throttlesByReason().get(r);
        }
      }
      if (others != null) {
        accountDuration.add(others.duration);
        accountInit.add(others.init);
        sink.accept(others.close(startNanos / 1e9));
      }
      List<Long> reasons = new ArrayList<>();
      if (byReason != null) {
        for (long count : byReason) {
          reasons.add(count);
        }
      }
      accountConcurrency.closePeriodMean(endNanos, length);
      accountProvisionedBusy.closePeriodMean(endNanos, length);
      long provisionedMax = accountProvisionedBusy.closePeriodMax();
      sink.accept(new PeriodRow(startNanos / 1e9, ACCOUNT, invocations, errors, throttles,
          accountDuration.meanMs(), accountDuration.percentileMs(50),
          accountDuration.percentileMs(99), accountDuration.maxMs(),
          accountConcurrency.closePeriodMax(), provisionedMax,
          // Across functions: the busiest moment over the mean ready capacity of the period.
          ready > 0 ? provisionedMax / ready : 0.0,
          provisionedInvocations, spillover, coldStarts, accountInit.meanMs(),
          busy, idle, shutdowns, timeouts, accountInit.percentileMs(99),
          initializing, provisionedIdle, created, reasons, configured, ready, asyncReceived,
          asyncAgeMax, asyncDropped, asyncDepth,
          // Means across functions are not kept for the account row (empty cells).
          new EsmMetrics.EsmRow(iteratorAgeMax, Double.NaN, esmReceived, esmBatches, esmBacklog,
              messageAgeMax, Double.NaN, esmConcurrency, pollerConcurrency, esmFailed)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    accountDuration.reset();
    accountInit.reset();
  }
}
