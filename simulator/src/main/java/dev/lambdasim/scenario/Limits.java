package dev.lambdasim.scenario;

import dev.lambdasim.spec.TimeUnits;

/**
 * The documented maxima of scenario inputs (docs/scenario-format.md, "Limits"). Each keeps a
 * file that validates from crashing or never finishing its run; each is far above anything a
 * shipped scenario or a real Lambda function needs.
 */
final class Limits {

  /**
   * A scenario's name names its output folder, written first as {@code .<name>.<pid>-<n>.partial}
   * (about 37 characters more); most file systems allow 255 bytes in one name.
   */
  static final int MAX_NAME_CHARS = 128;
  /**
   * Arrivals per second of one source, and of the sum of one function's sources at their peaks.
   * The busiest shipped scenario peaks at 200/s a function; a million a second for an hour is
   * 3.6 billion simulated requests, the most a run can finish in reasonable time. A rate that
   * parses to infinity would never let simulated time advance.
   */
  static final double MAX_RATE_PER_SECOND = 1_000_000;
  static final String MAX_RATE_TEXT = "1000000/s";
  /** Arrivals at one instant: all of them are queued at once (the largest shipped burst is 200000). */
  static final long MAX_BURST_COUNT = 1_000_000;
  /**
   * The shortest timer period and mean state hold: one tick or state change per microsecond is
   * the rate maximum again.
   */
  static final long MIN_INTERVAL_NANOS = TimeUnits.MICROSECOND;
  static final String MIN_INTERVAL_TEXT = "1us";
  /**
   * Rows of metrics.csv (per function) and points of each chart: 1,000,000 periods of the 1m
   * default are about 1.9 years.
   */
  static final long MAX_METRIC_PERIODS = 1_000_000;

  /**
   * Arrivals one function's synthetic sources can produce in a run (their peak rates over their
   * windows, plus bursts): the engine replays a few million a second, so ten billion is already
   * most of an hour; beyond it a run that validates would not finish in any useful time.
   */
  static final double MAX_ARRIVALS = 1e10;
  static final String MAX_ARRIVALS_TEXT = "10000000000";

  private Limits() {}

  /** Returns {@code rate} if it is at most the maximum of one source, else reports it. */
  static Bound<Double> rate(Values values, Node node, String path, double rate) {
    if (rate > MAX_RATE_PER_SECOND) {
      return values.reject(node, path, node.shown() + " is above the maximum " + MAX_RATE_TEXT
          + " of one source (allowed up to " + MAX_RATE_TEXT + ")");
    }
    return Bound.of(rate);
  }

  /** Returns the number of metric periods of {@code periodNanos} in {@code durationNanos}. */
  static long metricPeriods(long durationNanos, long periodNanos) {
    return durationNanos / periodNanos + (durationNanos % periodNanos == 0 ? 0 : 1);
  }

  /** Returns the shortest metrics period, in whole seconds, that keeps {@code durationNanos} within the maximum. */
  static long shortestMetricsPeriodNanos(long durationNanos) {
    long nanos = metricPeriods(durationNanos, MAX_METRIC_PERIODS);
    return metricPeriods(nanos, TimeUnits.SECOND) * TimeUnits.SECOND;
  }
}
