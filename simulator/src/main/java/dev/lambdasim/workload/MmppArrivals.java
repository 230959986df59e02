package dev.lambdasim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Markov-modulated Poisson process within [from, to). In state i arrivals are Poisson at
 * rate(i); the state is held for an exponential time with mean meanHold(i), then the process moves
 * to state i + 1 (cyclically). The first state is drawn from the stationary distribution
 * π(i) ∝ meanHold(i), so the process is stationary from {@code from} on.
 *
 * <p>Exact: a candidate gap that overshoots the end of a state is discarded and drawing restarts
 * at the switch, which the memorylessness of the exponential makes equivalent.
 */
public final class MmppArrivals implements ArrivalProcess {

  private final RandomGenerator random;
  private final double[] meanGapNanos;
  private final double[] meanHoldNanos;
  private final long toNanos;
  private int state;
  private double nowNanos;
  private double stateEndNanos;

  /** {@code ratesPerSecond[i]} (≥ 0, at least one > 0) and {@code meanHoldNanos[i]} (> 0) describe state i. */
  public MmppArrivals(RandomGenerator random, double[] ratesPerSecond, double[] meanHoldNanos,
      long fromNanos, long toNanos) {
    int n = ratesPerSecond.length;
    if (n < 2 || meanHoldNanos.length != n) {
      throw new IllegalArgumentException("mmpp needs >= 2 states, each with a rate and a mean hold");
    }
    this.random = random;
    this.meanGapNanos = new double[n];
    this.meanHoldNanos = meanHoldNanos.clone();
    boolean anyPositive = false;
    double totalHold = 0;
    for (int i = 0; i < n; i++) {
      if (!(ratesPerSecond[i] >= 0) || !(meanHoldNanos[i] > 0)) {
        throw new IllegalArgumentException("mmpp state " + i + " needs rate >= 0 and meanHold > 0");
      }
      anyPositive |= ratesPerSecond[i] > 0;
      meanGapNanos[i] = ratesPerSecond[i] > 0 ? 1e9 / ratesPerSecond[i] : Double.POSITIVE_INFINITY;
      totalHold += meanHoldNanos[i];
    }
    if (!anyPositive) {
      throw new IllegalArgumentException("mmpp needs at least one state with a rate > 0");
    }
    this.toNanos = toNanos;
    double u = random.nextDouble() * totalHold;
    int first = 0;
    while (first < n - 1 && u >= meanHoldNanos[first]) {
      u -= meanHoldNanos[first];
      first++;
    }
    this.state = first;
    this.nowNanos = fromNanos;
    this.stateEndNanos = fromNanos + exponential(meanHoldNanos[first]);
  }

  @Override
  public long nextArrivalNanos() {
    while (true) {
      double candidate = nowNanos + exponential(meanGapNanos[state]);
      if (candidate < stateEndNanos) {
        nowNanos = candidate;
        long arrival = Math.round(candidate);
        return arrival >= toNanos ? END : arrival;
      }
      nowNanos = stateEndNanos;
      if (nowNanos >= toNanos) {
        return END;
      }
      state = state + 1 == meanGapNanos.length ? 0 : state + 1;
      stateEndNanos = nowNanos + exponential(meanHoldNanos[state]);
    }
  }

  private double exponential(double mean) {
    if (mean == Double.POSITIVE_INFINITY) {
      return mean; // an "off" state: no arrival before it ends, and no draw wasted
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    return -Math.log(1.0 - random.nextDouble()) * mean;
  }
}
