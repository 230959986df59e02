package dev.lambdasim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A timer: ticks at from + k·every for every tick in [from, to). Each arrival is its tick plus an
 * independent uniform delay in [0, jitter) whole nanoseconds; since jitter ≤ every, arrivals keep
 * tick order. An arrival delayed to or past {@code to} is dropped. Ticks are computed from k, not
 * by adding gaps, so they never drift.
 */
public final class PeriodicArrivals implements ArrivalProcess {

  private final RandomGenerator random;
  private final long everyNanos;
  private final long jitterNanos;
  private final long fromNanos;
  private final long toNanos;
  private final long lastTick;
  private long k;

  public PeriodicArrivals(RandomGenerator random, long everyNanos, long jitterNanos, long fromNanos,
      long toNanos) {
    if (everyNanos <= 0 || jitterNanos < 0 || jitterNanos > everyNanos || fromNanos >= toNanos) {
      throw new IllegalArgumentException("periodic needs every > 0, 0 <= jitter <= every, from < to");
    }
    this.random = random;
    this.everyNanos = everyNanos;
    this.jitterNanos = jitterNanos;
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
    // The last k with from + k·every < to; computed this way, from + k·every never overflows.
    this.lastTick = (toNanos - 1 - fromNanos) / everyNanos;
  }

  @Override
  public long nextArrivalNanos() {
    if (k > lastTick) {
      return END;
    }
    long arrival = fromNanos + k * everyNanos;
    k++;
    if (jitterNanos > 0) {
      // min() guards the case where u·jitter rounds up to jitter itself (jitter above 2^53 ns).
      arrival += Math.min(jitterNanos - 1, (long) (random.nextDouble() * jitterNanos));
    }
    if (arrival >= toNanos) {
      k = Long.MAX_VALUE;
      return END;
    }
    return arrival;
  }
}
