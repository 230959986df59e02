package dev.lambdasim.metrics;

import java.util.Arrays;

/**
 * Adds up, period by period, the rows of several functions into one row, each column as its
 * {@link PeriodColumn.Sum} says: the account row ({@code *}), and the {@value #OTHERS} row of
 * the functions {@code metrics.csv} does not list (a fleet's functions outside its top N).
 */
final class RowSum {

  /** The function name of the aggregate row of unlisted functions. */
  static final String OTHERS = "*others*";

  /** The merged duration histograms of the functions added up, filled as they close. */
  final PeriodHistograms histograms = new PeriodHistograms();
  private final double[] values = new double[PeriodColumn.count()];

  RowSum() {
    reset();
  }

  void add(PeriodRow row) {
    for (PeriodColumn column : PeriodColumn.all()) {
      int i = column.ordinal();
      double value = row.value(column);
      switch (column.sum()) {
        case ADD, ADD_MAXIMA -> values[i] += value;
        case MAX -> values[i] = Math.max(values[i], value);
        case MAX_IGNORING_NAN -> {
          if (!Double.isNaN(value)) {
            values[i] = Double.isNaN(values[i]) ? value : Math.max(values[i], value);
          }
        }
        case FROM_HISTOGRAMS, RECOMPUTED, NOT_KEPT -> { }
      }
    }
  }

  /**
   * Replaces the sum of the functions' maxima of {@code column} by {@code exactMax}, the
   * maximum of the aggregate itself (the account's own gauges).
   */
  void replaceMaxima(PeriodColumn column, long exactMax) {
    if (column.sum() != PeriodColumn.Sum.ADD_MAXIMA) {
      throw new IllegalArgumentException(column + " is not a sum of maxima");
    }
    values[column.ordinal()] = exactMax;
  }

  /** Returns the period's row named {@code function}, and starts the next period. */
  PeriodRow close(double periodStartSeconds, String function) {
    double[] row = values.clone();
    for (PeriodColumn column : PeriodColumn.all()) {
      switch (column.sum()) {
        case FROM_HISTOGRAMS -> row[column.ordinal()] = column.statistic(histograms);
        case NOT_KEPT -> row[column.ordinal()] = Double.NaN;
        default -> { }
      }
    }
    // Ratios last: they read the row's other columns.
    for (PeriodColumn column : PeriodColumn.all()) {
      if (column.sum() == PeriodColumn.Sum.RECOMPUTED) {
        row[column.ordinal()] = column.recompute(other -> row[other.ordinal()]);
      }
    }
    reset();
    return new PeriodRow(periodStartSeconds, function, row);
  }

  private void reset() {
    histograms.reset();
    Arrays.fill(values, 0.0);
    for (PeriodColumn column : PeriodColumn.all()) {
      if (column.sum() == PeriodColumn.Sum.MAX_IGNORING_NAN) {
        values[column.ordinal()] = Double.NaN;
      }
    }
  }
}
