package dev.lambdasim.workload;

/**
 * Evenly spaced arrivals at {@code rate}, the first at {@code from}, within [from, to). The k-th
 * instant is computed from k, not by adding gaps, so it does not drift over long runs.
 */
public final class ConstantArrivals implements ArrivalProcess {

  private final long fromNanos;
  private final long toNanos;
  private final double gapNanos;
  private long k;

  public ConstantArrivals(double ratePerSecond, long fromNanos, long toNanos) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
    }
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
    this.gapNanos = 1e9 / ratePerSecond;
  }

  @Override
  public long nextArrivalNanos() {
    double offset = k * gapNanos;
    if (offset >= (double) (toNanos - fromNanos)) {
      return END;
    }
    long arrival = fromNanos + Math.round(offset);
    if (arrival >= toNanos) {
      return END;
    }
    k++;
    return arrival;
  }
}
