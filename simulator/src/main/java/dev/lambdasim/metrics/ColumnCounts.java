package dev.lambdasim.metrics;

import java.util.Arrays;

/** Counts kept by {@link PeriodColumn}, for the columns that count events. */
final class ColumnCounts {

  private final long[] counts = new long[PeriodColumn.count()];

  void increment(PeriodColumn column) {
    counts[column.ordinal()]++;
  }

  long get(PeriodColumn column) {
    return counts[column.ordinal()];
  }

  void reset() {
    Arrays.fill(counts, 0);
  }
}
