package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.WithinPeriod;

import dev.lambdasim.random.Xoshiro256StarStar;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Places the arrivals of one period at a time, in order, holding O(1) state whatever the count.
 *
 * <p>For {@code poisson} and {@code uniform}, the k-th of n arrivals is at
 * start + length·S(k)/S(n + 1), where S(k) is the sum of the first k of n + 1 independent gaps:
 * exponential gaps make S(1..n)/S(n + 1) exactly the order statistics of n uniforms (a Poisson
 * process conditioned on its count), uniform gaps make the smoother shape. The normalising sum
 * S(n + 1) is needed before the first arrival, so each period draws a seed from the source's
 * stream and replays its gaps twice from a generator seeded with it: once to sum them, once to
 * emit. Instants are whole nanoseconds, rounded down and kept inside the period.
 */
final class PeriodSpreader {

  private final WithinPeriod within;
  private final RandomGenerator random;
  private final Xoshiro256StarStar gaps = new Xoshiro256StarStar(0);
  private long start;
  private long length;
  private long count;
  private long emitted;
  private double sum;
  private double total;

  PeriodSpreader(WithinPeriod within, RandomGenerator random) {
    this.within = within;
    this.random = random;
  }

  /** Starts a period of {@code lengthNanos} at {@code startNanos} with {@code count} arrivals. */
  void begin(long startNanos, long lengthNanos, long count) {
    this.start = startNanos;
    this.length = lengthNanos;
    this.count = count;
    this.emitted = 0;
    this.sum = 0;
    if (count > 0 && within != WithinPeriod.EVEN) {
      long seed = random.nextLong();
      gaps.setSeed(seed);
      double s = 0;
      for (long k = 0; k <= count; k++) {
        s += gap();
      }
      total = s;
      gaps.setSeed(seed);
    }
  }

  /** Returns whether the period has arrivals left. */
  boolean hasNext() {
    return emitted < count;
  }

  /** Returns the next instant of the period; call only when {@link #hasNext()}. */
  long next() {
    long k = emitted++;
    long offset;
    if (within == WithinPeriod.EVEN) {
      offset = (long) ((k + 0.5) * length / count);
    } else {
      sum += gap();
      offset = (long) (length * (sum / total));
    }
    return start + Math.min(offset, length - 1);
  }

  private double gap() {
    // 1 - U is in (0, 1], so an exponential gap is finite and a uniform one positive.
    double u = 1.0 - gaps.nextDouble();
    return within == WithinPeriod.POISSON ? -Math.log(u) : u;
  }
}
