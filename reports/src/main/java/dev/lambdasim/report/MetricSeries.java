package dev.lambdasim.report;

import dev.lambdasim.metrics.MetricsRecorder;

/**
 * The charted time series of one function (or of the account, named "*"), period by period, in
 * bounded memory: see {@link PeriodBuckets}.
 */
final class MetricSeries {
  /** The function name metrics.csv uses for the account-wide rows. */
  static final String ACCOUNT = MetricsRecorder.ACCOUNT;

  private final String function;
  private final PeriodBuckets periods;

  MetricSeries(String function) {
    this(function, PeriodBuckets.MAX_POINTS);
  }

  /** @param maxPoints the most points a line may have (tests use a small bound) */
  MetricSeries(String function, int maxPoints) {
    this.function = function;
    this.periods = new PeriodBuckets(MetricColumn.values().length, maxPoints);
  }

  String function() {
    return function;
  }

  boolean isAccount() {
    return ACCOUNT.equals(function);
  }

  /** Appends one period; {@code values} is indexed by {@link MetricColumn#ordinal()}. */
  void addPeriod(double periodStartSeconds, double[] values) {
    periods.add(periodStartSeconds, values);
  }

  int periodCount() {
    return periods.periodCount();
  }

  /** Returns the periods' buckets: their starts and how many periods each holds. */
  PeriodBuckets periods() {
    return periods;
  }

  /** Returns the column's sum per bucket (its value per period while not downsampled). */
  double[] totals(MetricColumn column) {
    return periods.totals(column.ordinal());
  }

  /** Returns the column's mean per bucket (its value per period while not downsampled). */
  double[] means(MetricColumn column) {
    return periods.means(column.ordinal());
  }

  /** Returns the line through the column's lowest and highest value of each bucket. */
  SeriesPoints extremes(MetricColumn column) {
    return periods.extremes(column.ordinal());
  }

  boolean hasData(MetricColumn column) {
    return periods.hasData(column.ordinal());
  }

  /** Returns the largest value of the column, or NaN when it has none. */
  double max(MetricColumn column) {
    return periods.max(column.ordinal());
  }
}
