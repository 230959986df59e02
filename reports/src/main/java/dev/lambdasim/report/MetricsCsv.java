package dev.lambdasim.report;

import dev.lambdasim.metrics.PeriodRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams metrics.csv line by line into per-function {@link MetricSeries}, keeping only the
 * charted columns. A malformed row fails loudly with its line number rather than being skipped,
 * because a silently shortened series would draw a misleading chart.
 */
final class MetricsCsv {
  private MetricsCsv() {}

  /** Returns the series of every function in file order (the account, "*", included). */
  static Map<String, MetricSeries> read(Path file) throws IOException {
    CsvFile csv = CsvFile.open(file);
    if (csv == null) {
      throw new IOException(file + ": empty file, expected a header line");
    }
    try (csv) {
      int periodIndex = csv.column(PeriodRow.PERIOD_START);
      int functionIndex = csv.column(PeriodRow.FUNCTION);
      // A column missing from the header charts as empty, so an older run still gets a report.
      int[] indexes = new int[MetricColumn.values().length];
      for (MetricColumn column : MetricColumn.values()) {
        indexes[column.ordinal()] = csv.optionalColumn(column.header());
      }
      Map<String, MetricSeries> series = new LinkedHashMap<>();
      List<String> cells;
      while ((cells = csv.next()) != null) {
        String function = cells.get(functionIndex);
        double periodStart = csv.number(cells, periodIndex);
        if (Double.isNaN(periodStart)) {
          throw csv.problem("periodStart is empty", null);
        }
        double[] values = new double[indexes.length];
        Arrays.fill(values, Double.NaN);
        for (MetricColumn column : MetricColumn.values()) {
          int index = indexes[column.ordinal()];
          if (index >= 0) {
            values[column.ordinal()] = csv.number(cells, index);
          }
        }
        series.computeIfAbsent(function, MetricSeries::new).addPeriod(periodStart, values);
      }
      return series;
    }
  }
}
