package dev.lambdasim.metrics;

/**
 * One row of {@code metrics.csv}: what CloudWatch would show for one function (or the account,
 * {@code function = "*"}, or the unlisted functions, {@code *others*}) in one metrics period, a
 * value per {@link PeriodColumn}. Statistics with no data are NaN, written as empty cells.
 */
public final class PeriodRow {

  /** The name of the first column: the start of the period, seconds from the start of the run. */
  public static final String PERIOD_START = "periodStart";
  /** The name of the second column: the function, {@code *} or {@code *others*}. */
  public static final String FUNCTION = "function";
  /** The header of {@code metrics.csv}: the two key columns, then the {@link PeriodColumn}s. */
  public static final String HEADER = PERIOD_START + "," + FUNCTION + ","
      + PeriodColumn.csvNames();

  private final double periodStartSeconds;
  private final String function;
  private final double[] values;

  /** A row that owns {@code values}, indexed by {@link PeriodColumn#ordinal()}. */
  PeriodRow(double periodStartSeconds, String function, double[] values) {
    if (values.length != PeriodColumn.count()) {
      throw new IllegalArgumentException(
          values.length + " values for " + PeriodColumn.count() + " columns");
    }
    this.periodStartSeconds = periodStartSeconds;
    this.function = function;
    this.values = values;
  }

  /** Returns the start of the period, seconds from the start of the run. */
  public double periodStartSeconds() {
    return periodStartSeconds;
  }

  public String function() {
    return function;
  }

  /** Returns the column's value (NaN for a statistic with no data). */
  public double value(PeriodColumn column) {
    return values[column.ordinal()];
  }

  /** Returns the value of a {@link PeriodColumn.Unit#COUNT} column. */
  public long count(PeriodColumn column) {
    if (!column.unit().isWhole()) {
      throw new IllegalArgumentException(column + " is not a count");
    }
    return (long) values[column.ordinal()];
  }

  @Override
  public String toString() {
    return "PeriodRow[" + periodStartSeconds + ", " + function + "]";
  }
}
