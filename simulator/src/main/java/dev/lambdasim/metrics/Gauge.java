package dev.lambdasim.metrics;

/**
 * A time-weighted count that persists between events (environments busy, concurrency).
 *
 * <p>Keeps two integrals: one for the current metrics period (reset at each period end) and one
 * for the measured window after warm-up (for the summary's time-weighted means). Maxima are
 * kept the same way. Every change must go through {@link #add}, with a non-decreasing clock.
 */
public final class Gauge {

  private final long measuredFromNanos;
  private long value;
  private long lastNanos;
  private double periodArea;
  private long periodMax;
  private double measuredArea;
  private long measuredPeak;
  private double closedMean;
  private long closedMax;

  public Gauge(long measuredFromNanos) {
    this.measuredFromNanos = measuredFromNanos;
  }

  /** Changes the value by {@code delta} at {@code nowNanos}. */
  public void add(long nowNanos, long delta) {
    advance(nowNanos);
    value += delta;
    if (value > periodMax) {
      periodMax = value;
    }
    if (nowNanos >= measuredFromNanos && value > measuredPeak) {
      measuredPeak = value;
    }
  }

  /** Accumulates the areas up to {@code nowNanos} without changing the value. */
  public void advance(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed <= 0) {
      return;
    }
    periodArea += (double) value * elapsed;
    if (nowNanos > measuredFromNanos) {
      long from = Math.max(lastNanos, measuredFromNanos);
      measuredArea += (double) value * (nowNanos - from);
      if (lastNanos <= measuredFromNanos && value > measuredPeak) {
        // The value held when the measured window opened counts toward its peak.
        measuredPeak = value;
      }
    }
    lastNanos = nowNanos;
  }

  public long value() {
    return value;
  }

  /** Returns the mean over a period ending now of {@code lengthNanos}, then starts a new period. */
  public double closePeriodMean(long nowNanos, long lengthNanos) {
    advance(nowNanos);
    double mean = lengthNanos > 0 ? periodArea / lengthNanos : value;
    periodArea = 0;
    return mean;
  }

  /** Returns the maximum in the current period, then starts the next one at the current value. */
  public long closePeriodMax() {
    long max = periodMax;
    periodMax = value;
    return max;
  }

  /**
   * Closes the period ending now, of {@code lengthNanos}: its mean and maximum are kept for
   * {@link #closedMean} and {@link #closedMax}, and the next period starts.
   */
  void closePeriod(long nowNanos, long lengthNanos) {
    closedMean = closePeriodMean(nowNanos, lengthNanos);
    closedMax = closePeriodMax();
  }

  /** Returns the time-weighted mean of the period closed last. */
  double closedMean() {
    return closedMean;
  }

  /** Returns the maximum of the period closed last. */
  long closedMax() {
    return closedMax;
  }

  /** Returns the time-weighted mean over the measured window ending at {@code endNanos}. */
  public double measuredMean(long endNanos) {
    advance(endNanos);
    long length = endNanos - measuredFromNanos;
    return length > 0 ? measuredArea / length : 0.0;
  }

  /** Returns the maximum over the measured window. */
  public long measuredPeak() {
    return measuredPeak;
  }
}
