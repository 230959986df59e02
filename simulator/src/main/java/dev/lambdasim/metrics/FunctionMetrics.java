package dev.lambdasim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything observed about one function, as the model reports it: the current period's
 * CloudWatch-like figures ({@link PeriodCounters} and the gauges), the summary over the measured
 * window ({@link MeasuredWindow}), and the conservation ledger over the whole run
 * ({@link Outcomes}).
 *
 * <p>An invocation is "measured" when it arrived at or after the warm-up; the summary and its
 * ledger count only measured invocations, whole, from arrival to outcome. The period series
 * counts everything, like CloudWatch would. Memory is fixed: histograms are bounded and period
 * state is reset when each period ends.
 */
public final class FunctionMetrics {

  /** How many scaling actions are listed in full (the count goes on). */
  public static final int MAX_SCALING_ACTIONS_KEPT = 1000;

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
  /** The asynchronous event queue's figures. */
  public final AsyncMetrics async;
  /** The event source mapping's figures (SQS queue or stream). */
  public final EsmMetrics esm;
  /** Every gauge above and of {@link #async} and {@link #esm}, closed with each period. */
  private final List<Gauge> gauges;

  private final PeriodCounters period = new PeriodCounters();
  private final MeasuredWindow measured = new MeasuredWindow();
  private final Outcomes measuredOutcomes = new Outcomes();
  /** The whole run, checked at the end whatever the warm-up. */
  private final Outcomes allOutcomes = new Outcomes();

  private double provisionedUtilisationMax;
  private final List<ScalingAction> scalingActions = new ArrayList<>();
  private long scalingActionCount;

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
    this.async = new AsyncMetrics(warmupNanos, period);
    this.esm = new EsmMetrics(warmupNanos, period);
    this.gauges = List.of(initializing, busy, idle, provisionedIdle, provisionedBusy, concurrency,
        environments, provisionedConfigured, provisionedReady, async.queueDepth, esm.backlog,
        esm.batchesInFlight, esm.pollerConcurrency);
  }

  public String name() {
    return name;
  }

  /** Returns whether a request arriving at {@code arrivalNanos} counts in the summary. */
  public boolean isMeasured(long arrivalNanos) {
    return arrivalNanos >= warmupNanos;
  }

  /** A request arrives; it is in flight until {@link #requestEnded}. */
  public void arrival(boolean isMeasured) {
    allOutcomes.arrive();
    if (isMeasured) {
      measuredOutcomes.arrive();
    }
  }

  /** A request reaches its outcome. */
  public void requestEnded(boolean isMeasured, Outcome outcome) {
    allOutcomes.end(outcome);
    if (isMeasured) {
      measuredOutcomes.end(outcome);
    }
  }

  /** One invocation attempt was throttled (CloudWatch {@code Throttles}; not an outcome). */
  public void throttle(ThrottleReason reason, boolean isMeasured) {
    count(PeriodColumn.THROTTLES, isMeasured);
    count(PeriodColumn.throttles(reason), isMeasured);
  }

  /** An invocation starts on an environment (after admission). */
  public void start(boolean isMeasured, boolean cold, boolean onProvisioned, boolean spillover) {
    count(PeriodColumn.INVOCATIONS, isMeasured);
    if (cold) {
      count(PeriodColumn.COLD_STARTS, isMeasured);
    }
    if (onProvisioned) {
      count(PeriodColumn.PROVISIONED_CONCURRENCY_INVOCATIONS, isMeasured);
    } else if (spillover) {
      count(PeriodColumn.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS, isMeasured);
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
    period.histograms.complete(handlerNanos, cold, initNanos);
    if (error) {
      count(PeriodColumn.ERRORS, isMeasured);
    }
    if (timeout) {
      count(PeriodColumn.TIMEOUTS, isMeasured);
    }
    if (isMeasured) {
      measured.complete(queueNanos, initNanos, handlerNanos, cold, onProvisioned, gbSeconds);
    }
  }

  /** Init time of a recycled provisioned environment's replacement, billed at its price. */
  public void provisionedInitBilled(long nowNanos, double gbSeconds) {
    if (nowNanos >= warmupNanos) {
      measured.provisionedInitBilled(gbSeconds);
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

  public void environmentCreated(long nowNanos) {
    count(PeriodColumn.ENVIRONMENTS_CREATED, nowNanos >= warmupNanos);
  }

  /** An environment ended: reclaimed after its keep-alive, or recycled at its maximum lifetime. */
  public void environmentEnded(long nowNanos, boolean byKeepAlive) {
    period.counts.increment(PeriodColumn.SHUTDOWNS);
    if (nowNanos >= warmupNanos) {
      measured.environmentEnded(byKeepAlive);
    }
  }

  private void count(PeriodColumn column, boolean isMeasured) {
    period.counts.increment(column);
    if (isMeasured) {
      measured.counts.increment(column);
    }
  }

  /**
   * Returns this function's row for the period [{@code periodStartNanos},
   * {@code periodEndNanos}) and starts the next period; its durations are merged into
   * {@code aggregate} (the account's or the {@code *others*} row's).
   */
  PeriodRow closePeriod(long periodStartNanos, long periodEndNanos, PeriodHistograms aggregate) {
    long length = periodEndNanos - periodStartNanos;
    for (Gauge gauge : gauges) {
      gauge.closePeriod(periodEndNanos, length);
    }
    double[] values = new double[PeriodColumn.count()];
    for (PeriodColumn column : PeriodColumn.all()) {
      values[column.ordinal()] = column.read(this);
    }
    aggregate.add(period.histograms);
    period.reset();
    return new PeriodRow(periodStartNanos / 1e9, name, values);
  }

  /** Returns the current period's counters, which the columns read when it closes. */
  PeriodCounters period() {
    return period;
  }

  // Read access for the summary.

  /** Returns the figures of the measured window. */
  public MeasuredWindow measured() {
    return measured;
  }

  public Outcomes measuredOutcomes() {
    return measuredOutcomes;
  }

  public Outcomes allOutcomes() {
    return allOutcomes;
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
}
