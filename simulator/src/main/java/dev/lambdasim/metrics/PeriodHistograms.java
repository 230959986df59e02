package dev.lambdasim.metrics;

/**
 * One period's duration and init histograms, of a function or merged over several (the
 * {@code *others*} and account rows); per-period precision is 2 significant digits.
 */
final class PeriodHistograms {

  private final LatencyHistogram duration = new LatencyHistogram(2);
  private final LatencyHistogram init = new LatencyHistogram(2);

  LatencyHistogram of(PeriodColumn.Distribution distribution) {
    return switch (distribution) {
      case DURATION -> duration;
      case INIT -> init;
    };
  }

  /** An invocation ended: its handler time, and its init time when it was a cold start. */
  void complete(long handlerNanos, boolean cold, long initNanos) {
    duration.recordNanos(handlerNanos);
    if (cold) {
      init.recordNanos(initNanos);
    }
  }

  void add(PeriodHistograms other) {
    duration.add(other.duration);
    init.add(other.init);
  }

  void reset() {
    duration.reset();
    init.reset();
  }
}
