package dev.lambdasim.metrics;

import org.HdrHistogram.Histogram;

/**
 * A distribution of durations recorded in microseconds with HdrHistogram and reported in
 * milliseconds. Auto-resizing, so memory follows the range of values seen, not their number.
 */
public final class LatencyHistogram {

  private final Histogram histogram;
  private double sumMicros;

  /** A histogram with {@code significantDigits} of relative precision (2 or 3). */
  public LatencyHistogram(int significantDigits) {
    this.histogram = new Histogram(significantDigits);
    this.histogram.setAutoResize(true);
  }

  public void recordNanos(long nanos) {
    long micros = (nanos + 500) / 1000;
    histogram.recordValue(micros);
    sumMicros += micros;
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** Returns the exact mean in ms (from the running sum, not the buckets), NaN when empty. */
  public double meanMs() {
    long count = count();
    return count == 0 ? Double.NaN : sumMicros / count / 1000.0;
  }

  /** Returns the value at {@code percentile} (0..100) in ms, NaN when empty. */
  public double percentileMs(double percentile) {
    if (count() == 0) {
      return Double.NaN;
    }
    if (percentile >= 100.0) {
      return maxMs();
    }
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Returns the largest recorded value in ms (to the histogram's precision), NaN when empty. */
  public double maxMs() {
    return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
  }

  public void add(LatencyHistogram other) {
    histogram.add(other.histogram);
    sumMicros += other.sumMicros;
  }

  public void reset() {
    histogram.reset();
    sumMicros = 0;
  }
}
