package dev.lambdasim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A non-homogeneous Poisson process within [from, to), drawn exactly by Lewis–Shedler thinning:
 * candidates form a Poisson process at the maximum rate, and a candidate at t is kept with
 * probability rate(t) / maximum. Nothing is approximated per second; instants are rounded to
 * whole nanoseconds only when returned.
 */
abstract class ThinnedArrivals implements ArrivalProcess {

  private final RandomGenerator random;
  private final double maxRatePerSecond;
  private final double meanGapNanos;
  private final long toNanos;
  // Kept as a double so rounding each instant to whole nanoseconds does not bias the gaps.
  private double candidateNanos;

  ThinnedArrivals(RandomGenerator random, double maxRatePerSecond, long fromNanos, long toNanos) {
    if (!(maxRatePerSecond > 0) || Double.isInfinite(maxRatePerSecond)) {
      throw new IllegalArgumentException("maximum rate must be positive and finite: " + maxRatePerSecond);
    }
    this.random = random;
    this.maxRatePerSecond = maxRatePerSecond;
    this.meanGapNanos = 1e9 / maxRatePerSecond;
    this.toNanos = toNanos;
    this.candidateNanos = fromNanos;
  }

  /** Returns the rate at {@code nanos}, between 0 and the maximum given to the constructor. */
  abstract double ratePerSecondAt(double nanos);

  @Override
  public final long nextArrivalNanos() {
    while (true) {
      // 1 - u lies in (0, 1], so the logarithm is finite.
      candidateNanos += -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
      long arrival = Math.round(candidateNanos);
      if (arrival >= toNanos) {
        return END;
      }
      if (random.nextDouble() * maxRatePerSecond < ratePerSecondAt(candidateNanos)) {
        return arrival;
      }
    }
  }
}
