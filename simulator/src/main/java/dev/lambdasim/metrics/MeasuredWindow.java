package dev.lambdasim.metrics;

/**
 * A function's figures over the measured window, for the summary: invocations of requests that
 * arrived at or after the warm-up, whole, and environments created or ended after it.
 */
public final class MeasuredWindow {

  final ColumnCounts counts = new ColumnCounts();
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

  MeasuredWindow() {}

  /** A measured invocation ended; see {@link FunctionMetrics#complete}. */
  void complete(long queueNanos, long initNanos, long handlerNanos, boolean cold,
      boolean onProvisioned, double gbSeconds) {
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

  void provisionedInitBilled(double gbSeconds) {
    provisionedDurationGbSeconds += gbSeconds;
  }

  void environmentEnded(boolean byKeepAlive) {
    if (byKeepAlive) {
      reclaimed++;
    } else {
      recycled++;
    }
  }

  public long invocations() {
    return counts.get(PeriodColumn.INVOCATIONS);
  }

  public long errors() {
    return counts.get(PeriodColumn.ERRORS);
  }

  public long timeouts() {
    return counts.get(PeriodColumn.TIMEOUTS);
  }

  public long throttles(ThrottleReason reason) {
    return counts.get(PeriodColumn.throttles(reason));
  }

  public long coldStarts() {
    return counts.get(PeriodColumn.COLD_STARTS);
  }

  public long provisionedInvocations() {
    return counts.get(PeriodColumn.PROVISIONED_CONCURRENCY_INVOCATIONS);
  }

  public long spilloverInvocations() {
    return counts.get(PeriodColumn.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS);
  }

  public long environmentsCreated() {
    return counts.get(PeriodColumn.ENVIRONMENTS_CREATED);
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

  public LatencyHistogram latencyCold() {
    return latencyCold;
  }

  /** Returns a new histogram of warm invocations' caller-seen latencies. */
  public LatencyHistogram latencyWarm() {
    return merged(latencyWarm, latencyWarmQueued);
  }

  private static LatencyHistogram merged(LatencyHistogram... parts) {
    LatencyHistogram sum = new LatencyHistogram(3);
    for (LatencyHistogram part : parts) {
      sum.add(part);
    }
    return sum;
  }
}
