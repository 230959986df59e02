package dev.lambdasim.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private static final String PERIOD_START = "periodStart";
  private static final String FUNCTION = "function";

  private MetricsCsv() {}

  /** Returns the series of every function in file order (the account, "*", included). */
  static Map<String, MetricSeries> read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        throw new IOException(file + ": empty file, expected a header line");
      }
      List<String> names = CsvLine.split(stripBom(header));
      int periodIndex = required(names, PERIOD_START, file);
      int functionIndex = required(names, FUNCTION, file);
      // A column missing from the header charts as empty, so an older run still gets a report.
      int[] indexes = new int[MetricColumn.values().length];
      for (MetricColumn column : MetricColumn.values()) {
        indexes[column.ordinal()] = names.indexOf(column.header());
      }
      Map<String, MetricSeries> series = new LinkedHashMap<>();
      String line;
      int lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = cells(line, file, lineNumber);
        if (cells.size() != names.size()) {
          throw new IOException(String.format(java.util.Locale.ROOT,
              "%s line %d: expected %d cells, found %d",
              file, lineNumber, names.size(), cells.size()));
        }
        String function = cells.get(functionIndex);
        double periodStart = number(cells.get(periodIndex), PERIOD_START, file, lineNumber);
        if (Double.isNaN(periodStart)) {
          throw new IOException(file + " line " + lineNumber + ": periodStart is empty");
        }
        double[] values = new double[indexes.length];
        Arrays.fill(values, Double.NaN);
        for (MetricColumn column : MetricColumn.values()) {
          int index = indexes[column.ordinal()];
          if (index >= 0) {
            values[column.ordinal()] =
                number(cells.get(index), column.header(), file, lineNumber);
          }
        }
        series.computeIfAbsent(function, MetricSeries::new).addPeriod(periodStart, values);
      }
      return series;
    }
  }

  private static List<String> cells(String line, Path file, int lineNumber) throws IOException {
    try {
      return CsvLine.split(line);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
    }
  }

  private static int required(List<String> names, String name, Path file) throws IOException {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IOException(file + ": header has no '" + name + "' column");
    }
    return index;
  }

  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }

  /** Returns the cell as a number; an empty cell is NaN (a statistic with no data). */
  private static double number(String cell, String column, Path file, int lineNumber)
      throws IOException {
    String text = cell.strip();
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(text);
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IOException(String.format(java.util.Locale.ROOT,
          "%s line %d: column %s is not a finite number", file, lineNumber, column), e);
    }
  }
}
