package dev.lambdasim.report;

import dev.lambdasim.metrics.MetricsRecorder;
import java.util.EnumMap;
import java.util.Map;

/** The charted time series of one function (or of the account, named "*"), period by period. */
final class MetricSeries {
  /** The function name metrics.csv uses for the account-wide rows. */
  static final String ACCOUNT = MetricsRecorder.ACCOUNT;

  private final String function;
  private final DoubleColumn periodStartsSeconds = new DoubleColumn();
  private final Map<MetricColumn, DoubleColumn> columns = new EnumMap<>(MetricColumn.class);

  MetricSeries(String function) {
    this.function = function;
    for (MetricColumn column : MetricColumn.values()) {
      columns.put(column, new DoubleColumn());
    }
  }

  String function() {
    return function;
  }

  boolean isAccount() {
    return ACCOUNT.equals(function);
  }

  /** Appends one period; {@code values} is indexed by {@link MetricColumn#ordinal()}. */
  void addPeriod(double periodStartSeconds, double[] values) {
    periodStartsSeconds.add(periodStartSeconds);
    for (MetricColumn column : MetricColumn.values()) {
      columns.get(column).add(values[column.ordinal()]);
    }
  }

  int periodCount() {
    return periodStartsSeconds.size();
  }

  double[] periodStartsSeconds() {
    return periodStartsSeconds.toArray();
  }

  double[] values(MetricColumn column) {
    return columns.get(column).toArray();
  }

  boolean hasData(MetricColumn column) {
    return columns.get(column).hasData();
  }

  /** Returns the largest value of the column, or NaN when it has none. */
  double max(MetricColumn column) {
    return columns.get(column).max();
  }
}
