package dev.lambdasim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything observed about one function: the current period's CloudWatch-like counters, the
 * summary over the measured window, and the conservation ledger over the whole run.
 *
 * <p>An invocation is "measured" when it arrived at or after the warm-up; the summary and its
 * ledger count only measured invocations, whole, from arrival to outcome. The period series
 * counts everything, like CloudWatch would. Memory is fixed: histograms are bounded and period
 * state is reset when each period ends.
 */
public final class FunctionMetrics {

  private final String name;
  private final long warmupNanos;

  // Environment states, time-weighted. Concurrency = initialising + busy.
  public final Gauge initializing;
  public final Gauge busy;
  public final Gauge idle;
  public final Gauge provisionedIdle;
  public final Gauge provisionedBusy;
  public final Gauge concurrency;
  public final Gauge environments;
  /** Provisioned concurrency as configured, and as initialised and usable (ready). */
  public final Gauge provisionedConfigured;
  public final Gauge provisionedReady;
  private long provisionedStartsTotal;
  private double provisionedUtilisationMax;
  private final List<ScalingAction> scalingActions = new ArrayList<>();
  /** The asynchronous event queue's figures. */
  public final AsyncMetrics async;
  /** The event source mapping's figures (SQS queue or stream). */
  public final EsmMetrics esm;
  private long scalingActionCount;

  // The current period.
  private long periodInvocations;
  private long periodErrors;
  private long periodTimeouts;
  private long periodColdStarts;
  private long periodProvisionedInvocations;
  private long periodSpilloverInvocations;
  private long periodCreated;
  private long periodShutdowns;
  private final long[] periodThrottles = new long[ThrottleReason.count()];
  private final LatencyHistogram periodDuration = new LatencyHistogram(2);
  private final LatencyHistogram periodInit = new LatencyHistogram(2);

  // The measured window (summary).
  private final Outcomes measured = new Outcomes();
  private final long[] throttles = new long[ThrottleReason.count()];
  private long invocations;
  private long errors;
  private long timeouts;
  private long coldStarts;
  private long provisionedInvocations;
  private long spilloverInvocations;
  private long created;
  private long reclaimed;
  private long recycled;
  private double onDemandGbSeconds;
  private double provisionedDurationGbSeconds;
  // A warm invocation's latency is its duration, so a warm one is recorded once (latencyWarm)
  // and the overall duration and latency distributions are merged when asked for: fewer
  // histogram updates on the hot path.
  private final LatencyHistogram durationCold = new LatencyHistogram(3);
  private final LatencyHistogram init = new LatencyHistogram(3);
  private final LatencyHistogram latencyCold = new LatencyHistogram(3);
  private final LatencyHistogram latencyWarm = new LatencyHistogram(3);
  // Warm invocations that waited in the async queue: their latency is not their duration.
  private final LatencyHistogram durationWarmQueued = new LatencyHistogram(3);
  private final LatencyHistogram latencyWarmQueued = new LatencyHistogram(3);

  // The whole run, checked at the end whatever the warm-up.
  private final Outcomes all = new Outcomes();

  public FunctionMetrics(String name, long warmupNanos) {
    this.name = name;
    this.warmupNanos = warmupNanos;
    this.initializing = new Gauge(warmupNanos);
    this.busy = new Gauge(warmupNanos);
    this.idle = new Gauge(warmupNanos);
    this.provisionedIdle = new Gauge(warmupNanos);
    this.provisionedBusy = new Gauge(warmupNanos);
    this.concurrency = new Gauge(warmupNanos);
    this.environments = new Gauge(warmupNanos);
    this.provisionedConfigured = new Gauge(warmupNanos);
    this.provisionedReady = new Gauge(warmupNanos);
    this.async = new AsyncMetrics(warmupNanos);
    this.esm = new EsmMetrics(warmupNanos);
  }

  public String name() {
    return name;
  }

  /** Returns whether a request arriving at {@code arrivalNanos} counts in the summary. */
  public boolean isMeasured(long arrivalNanos) {
    return arrivalNanos >= warmupNanos;
  }

  // The conservation ledger. A request (a sync call, or an async event) arrives, is in flight
  // until its outcome, and ends exactly once: succeeded, failed, throttled or dropped.

  /** A request arrives; it is in flight until {@link #requestEnded}. */
  public void arrival(boolean isMeasured) {
    all.arrivals++;
    all.inFlight++;
    if (isMeasured) {
      measured.arrivals++;
      measured.inFlight++;
    }
  }

  /** A request reaches its outcome. */
  public void requestEnded(boolean isMeasured, Outcome outcome) {
    all.end(outcome);
    if (isMeasured) {
      measured.end(outcome);
    }
  }

  /** One invocation attempt was throttled (CloudWatch {@code Throttles}; not an outcome). */
  public void throttle(ThrottleReason reason, boolean isMeasured) {
    periodThrottles[reason.ordinal()]++;
    if (isMeasured) {
      throttles[reason.ordinal()]++;
    }
  }

  /** An invocation starts on an environment (after admission). */
  public void start(boolean isMeasured, boolean cold, boolean onProvisioned, boolean spillover) {
    periodInvocations++;
    if (cold) {
      periodColdStarts++;
    }
    if (onProvisioned) {
      periodProvisionedInvocations++;
      provisionedStartsTotal++;
    } else if (spillover) {
      periodSpilloverInvocations++;
    }
    if (isMeasured) {
      invocations++;
      if (cold) {
        coldStarts++;
      }
      if (onProvisioned) {
        provisionedInvocations++;
      } else if (spillover) {
        spilloverInvocations++;
      }
    }
  }

  /**
   * An invocation ends.
   *
   * @param queueNanos   time the request waited in the async queue before this attempt, else 0
   * @param initNanos    init time when it was a cold start, else 0
   * @param handlerNanos handler time, already cut at the timeout
   * @param gbSeconds    billed GB-seconds of this invocation
   */
  public void complete(boolean isMeasured, long queueNanos, long initNanos, long handlerNanos,
      boolean cold, boolean error, boolean timeout, boolean onProvisioned, double gbSeconds) {
    periodDuration.recordNanos(handlerNanos);
    if (cold) {
      periodInit.recordNanos(initNanos);
    }
    if (error) {
      periodErrors++;
    }
    if (timeout) {
      periodTimeouts++;
    }
    if (!isMeasured) {
      return;
    }
    if (error) {
      errors++;
    }
    if (timeout) {
      timeouts++;
    }
    long latencyNanos = queueNanos + initNanos + handlerNanos;
    if (cold) {
      durationCold.recordNanos(handlerNanos);
      init.recordNanos(initNanos);
      latencyCold.recordNanos(latencyNanos);
    } else if (queueNanos == 0) {
      latencyWarm.recordNanos(handlerNanos);
    } else {
      durationWarmQueued.recordNanos(handlerNanos);
      latencyWarmQueued.recordNanos(latencyNanos);
    }
    if (onProvisioned) {
      provisionedDurationGbSeconds += gbSeconds;
    } else {
      onDemandGbSeconds += gbSeconds;
    }
  }

  /** Init time of a recycled provisioned environment's replacement, billed at its price. */
  public void provisionedInitBilled(long nowNanos, double gbSeconds) {
    if (nowNanos >= warmupNanos) {
      provisionedDurationGbSeconds += gbSeconds;
    }
  }

  /** Notes the utilisation (busy ÷ ready provisioned environments) after it changed. */
  public void provisionedUtilisation(long nowNanos, double utilisation) {
    if (nowNanos >= warmupNanos && utilisation > provisionedUtilisationMax) {
      provisionedUtilisationMax = utilisation;
    }
  }

  /** Records a change of configured provisioned concurrency; the first 1,000 are kept. */
  public void scalingAction(ScalingAction action) {
    scalingActionCount++;
    if (scalingActions.size() < MAX_SCALING_ACTIONS_KEPT) {
      scalingActions.add(action);
    }
  }

  /** How many scaling actions are listed in full (the count goes on). */
  public static final int MAX_SCALING_ACTIONS_KEPT = 1000;

  public void environmentCreated(long nowNanos) {
    periodCreated++;
    if (nowNanos >= warmupNanos) {
      created++;
    }
  }

  /** An environment ended: reclaimed after its keep-alive, or recycled at its maximum lifetime. */
  public void environmentEnded(long nowNanos, boolean byKeepAlive) {
    periodShutdowns++;
    if (nowNanos >= warmupNanos) {
      if (byKeepAlive) {
        reclaimed++;
      } else {
        recycled++;
      }
    }
  }

  /**
   * Returns this function's row for the period that ends now, and starts the next period.
   *
   * @param provisionedConcurrency configured provisioned concurrency (for its utilisation)
   */
  public PeriodRow closePeriod(long periodStartNanos, long periodEndNanos,
      LatencyHistogram accountDuration, LatencyHistogram accountInit) {
    long length = periodEndNanos - periodStartNanos;
    long provisionedMax = provisionedBusy.closePeriodMax();
    long readyMax = provisionedReady.closePeriodMax();
    provisionedConfigured.closePeriodMax();
    List<Long> throttleCounts = new ArrayList<>(periodThrottles.length);
    long throttleTotal = 0;
    for (long count : periodThrottles) {
      throttleCounts.add(count);
      throttleTotal += count;
    }
    PeriodRow row = new PeriodRow(
        periodStartNanos / 1e9, name,
        periodInvocations, periodErrors, throttleTotal,
        periodDuration.meanMs(), periodDuration.percentileMs(50), periodDuration.percentileMs(99),
        periodDuration.maxMs(),
        concurrency.closePeriodMax(),
        provisionedMax,
        readyMax > 0 ? (double) provisionedMax / readyMax : 0.0,
        periodProvisionedInvocations, periodSpilloverInvocations,
        periodColdStarts, periodInit.meanMs(),
        busy.closePeriodMean(periodEndNanos, length),
        idle.closePeriodMean(periodEndNanos, length),
        periodShutdowns, periodTimeouts, periodInit.percentileMs(99),
        initializing.closePeriodMean(periodEndNanos, length),
        provisionedIdle.closePeriodMean(periodEndNanos, length),
        periodCreated, throttleCounts,
        provisionedConfigured.closePeriodMean(periodEndNanos, length),
        provisionedReady.closePeriodMean(periodEndNanos, length),
        async.closePeriodReceived(), async.closePeriodAgeMaxMs(), async.closePeriodDropped(),
        closeQueueDepth(periodEndNanos, length), esm.closePeriod(periodEndNanos, length));
    // Gauges not shown as period means still need their period state reset.
    provisionedIdle.closePeriodMax();
    initializing.closePeriodMax();
    busy.closePeriodMax();
    idle.closePeriodMax();
    environments.closePeriodMean(periodEndNanos, length);
    environments.closePeriodMax();
    concurrency.closePeriodMean(periodEndNanos, length);
    provisionedBusy.closePeriodMean(periodEndNanos, length);

    accountDuration.add(periodDuration);
    accountInit.add(periodInit);
    periodDuration.reset();
    periodInit.reset();
    periodInvocations = 0;
    periodErrors = 0;
    periodTimeouts = 0;
    periodColdStarts = 0;
    periodProvisionedInvocations = 0;
    periodSpilloverInvocations = 0;
    periodCreated = 0;
    periodShutdowns = 0;
    java.util.Arrays.fill(periodThrottles, 0);
    return row;
  }

  private long closeQueueDepth(long periodEndNanos, long length) {
    async.queueDepth.closePeriodMean(periodEndNanos, length);
    return async.queueDepth.closePeriodMax();
  }

  // Read access for the summary.

  public long provisionedStartsTotal() {
    return provisionedStartsTotal;
  }

  /** Returns the largest busy ÷ ready provisioned utilisation seen in the measured window. */
  public double provisionedUtilisationMax() {
    return provisionedUtilisationMax;
  }

  /**
   * Returns busy ÷ ready provisioned environments, time-weighted over the measured window
   * (NaN when none was ready).
   */
  public double provisionedUtilisationMean(long endNanos) {
    double ready = provisionedReady.measuredMean(endNanos);
    return ready > 0 ? provisionedBusy.measuredMean(endNanos) / ready : Double.NaN;
  }

  public List<ScalingAction> scalingActions() {
    return List.copyOf(scalingActions);
  }

  public long scalingActionCount() {
    return scalingActionCount;
  }

  public Outcomes measuredOutcomes() {
    return measured;
  }

  public Outcomes allOutcomes() {
    return all;
  }

  public long throttles(ThrottleReason reason) {
    return throttles[reason.ordinal()];
  }

  public long invocations() {
    return invocations;
  }

  public long errors() {
    return errors;
  }

  public long timeouts() {
    return timeouts;
  }

  public long coldStarts() {
    return coldStarts;
  }

  public long provisionedInvocations() {
    return provisionedInvocations;
  }

  public long spilloverInvocations() {
    return spilloverInvocations;
  }

  public long environmentsCreated() {
    return created;
  }

  public long environmentsReclaimed() {
    return reclaimed;
  }

  public long environmentsRecycled() {
    return recycled;
  }

  public double onDemandGbSeconds() {
    return onDemandGbSeconds;
  }

  public double provisionedDurationGbSeconds() {
    return provisionedDurationGbSeconds;
  }

  /** Returns a new histogram of handler durations (what CloudWatch's Duration shows). */
  public LatencyHistogram duration() {
    return merged(latencyWarm, durationCold, durationWarmQueued);
  }

  public LatencyHistogram init() {
    return init;
  }

  /** Returns a new histogram of caller-seen latencies (init when cold, plus handler). */
  public LatencyHistogram latency() {
    return merged(latencyWarm, latencyCold, latencyWarmQueued);
  }

  private static LatencyHistogram merged(LatencyHistogram... parts) {
    LatencyHistogram sum = new LatencyHistogram(3);
    for (LatencyHistogram part : parts) {
      sum.add(part);
    }
    return sum;
  }

  public LatencyHistogram latencyCold() {
    return latencyCold;
  }

  public LatencyHistogram latencyWarm() {
    return merged(latencyWarm, latencyWarmQueued);
  }

  /** How a request ends. */
  public enum Outcome {
    SUCCEEDED,
    /** A sync call that ended in an error or timeout; an async event whose retries ran out. */
    FAILED,
    /** A sync call rejected by a limit. */
    THROTTLED,
    /** An async event discarded without a successful invocation (too old, or never invocable). */
    DROPPED
  }

  /** Counts for the conservation ledger: every arrival ends in exactly one of these. */
  public static final class Outcomes {
    long arrivals;
    long succeeded;
    long failed;
    long throttled;
    long dropped;
    long inFlight;

    public long arrivals() {
      return arrivals;
    }

    public long succeeded() {
      return succeeded;
    }

    public long failed() {
      return failed;
    }

    public long throttled() {
      return throttled;
    }

    public long dropped() {
      return dropped;
    }

    public long inFlight() {
      return inFlight;
    }

    public boolean balanced() {
      return arrivals == succeeded + failed + throttled + dropped + inFlight;
    }

    void end(Outcome outcome) {
      inFlight--;
      switch (outcome) {
        case SUCCEEDED -> succeeded++;
        case FAILED -> failed++;
        case THROTTLED -> throttled++;
        case DROPPED -> dropped++;
      }
    }
  }
}
