package dev.lambdasim.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a function's asynchronous event queue did: CloudWatch's {@code AsyncEventsReceived},
 * {@code AsyncEventAge} and {@code AsyncEventsDropped}, the queue's depth, retries, and what was
 * delivered to each destination.
 */
public final class AsyncMetrics {

  /** Events waiting in the queue (not in a running attempt). */
  public final Gauge queueDepth;
  private final PeriodCounters period;

  private long received;
  private long dropped;
  private long retried;
  private long throttledAttempts;
  private long recursionDropped;
  private final LatencyHistogram age = new LatencyHistogram(3);
  private final Map<String, Long> deliveries = new TreeMap<>();
  private final Map<String, Long> failuresByCondition = new TreeMap<>();
  private final Map<Integer, Long> failedInvokeCounts = new TreeMap<>();

  AsyncMetrics(long warmupNanos, PeriodCounters period) {
    this.queueDepth = new Gauge(warmupNanos);
    this.period = period;
  }

  public void received(boolean measured) {
    period.counts.increment(PeriodColumn.ASYNC_EVENTS_RECEIVED);
    if (measured) {
      received++;
    }
  }

  /** An event was dropped without success (too old, or retries gave up; CloudWatch counts both). */
  public void dropped(boolean measured) {
    period.counts.increment(PeriodColumn.ASYNC_EVENTS_DROPPED);
    if (measured) {
      dropped++;
    }
  }

  /**
   * An event failed or was dropped with {@code condition} (the destination record's
   * {@code requestContext.condition}) after {@code invokeCount} invocations
   * ({@code approximateInvokeCount}).
   */
  public void failed(boolean measured, String condition, int invokeCount) {
    if (measured) {
      failuresByCondition.merge(condition, 1L, Long::sum);
      failedInvokeCounts.merge(invokeCount, 1L, Long::sum);
    }
  }

  /** An invocation attempt starts {@code ageNanos} after the event was queued. */
  public void invoked(boolean measured, long ageNanos) {
    period.asyncAge.record(ageNanos);
    if (measured) {
      age.recordNanos(ageNanos);
    }
  }

  /** A function error or timeout will be retried. */
  public void retried(boolean measured) {
    if (measured) {
      retried++;
    }
  }

  public void throttledAttempt(boolean measured) {
    if (measured) {
      throttledAttempts++;
    }
  }

  /** An event was stopped by loop detection (a chain of destinations too deep). */
  public void recursionDropped(boolean measured) {
    if (measured) {
      recursionDropped++;
    }
  }

  /** An event record was delivered to the destination or dead-letter queue {@code target}. */
  public void delivered(boolean measured, String target) {
    if (measured) {
      deliveries.merge(target, 1L, Long::sum);
    }
  }

  public long received() {
    return received;
  }

  public long dropped() {
    return dropped;
  }

  public long retried() {
    return retried;
  }

  public long throttledAttempts() {
    return throttledAttempts;
  }

  public long recursionDropped() {
    return recursionDropped;
  }

  public LatencyHistogram age() {
    return age;
  }

  /** Returns deliveries by target name, sorted by name. */
  public Map<String, Long> deliveries() {
    return new TreeMap<>(deliveries);
  }

  /** Returns failed or dropped events by condition, sorted by name. */
  public Map<String, Long> failuresByCondition() {
    return new TreeMap<>(failuresByCondition);
  }

  /** Returns failed or dropped events by how many invocations they had. */
  public Map<Integer, Long> failedInvokeCounts() {
    return new TreeMap<>(failedInvokeCounts);
  }
}
