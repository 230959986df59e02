package dev.lambdasim.metrics;

/** The largest and the mean of the ages seen in one period (of events, messages or records). */
final class AgeTally {

  private long maxNanos;
  private double sumNanos;
  private long count;

  void record(long ageNanos) {
    if (ageNanos > maxNanos) {
      maxNanos = ageNanos;
    }
    sumNanos += ageNanos;
    count++;
  }

  /** Returns the largest age in ms, or {@code none} when nothing was recorded. */
  double maxMs(double none) {
    return count == 0 ? none : maxNanos / 1e6;
  }

  /** Returns the mean age in ms, NaN when nothing was recorded. */
  double meanMs() {
    return count == 0 ? Double.NaN : sumNanos / count / 1e6;
  }

  void reset() {
    maxNanos = 0;
    sumNanos = 0;
    count = 0;
  }
}
