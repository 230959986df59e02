package dev.lambdasim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/** A homogeneous Poisson process: exponential gaps with mean 1/rate, within [from, to). */
public final class PoissonArrivals implements ArrivalProcess {

  private final RandomGenerator random;
  private final double meanGapNanos;
  private final long toNanos;
  private double nextNanos;

  public PoissonArrivals(RandomGenerator random, double ratePerSecond, long fromNanos, long toNanos) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    this.random = random;
    this.meanGapNanos = 1e9 / ratePerSecond;
    this.toNanos = toNanos;
    // Kept as a double so rounding each instant to whole nanoseconds does not bias the gaps.
    this.nextNanos = fromNanos + gap();
  }

  @Override
  public long nextArrivalNanos() {
    long arrival = Math.round(nextNanos);
    if (arrival >= toNanos) {
      return END;
    }
    nextNanos += gap();
    return arrival;
  }

  private double gap() {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    return -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
  }
}
