package dev.lambdasim.output;

import dev.lambdasim.metrics.MetricsSink;
import dev.lambdasim.metrics.PeriodColumn;
import dev.lambdasim.metrics.PeriodRow;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams period rows to {@code metrics.csv} as the run produces them. */
public final class MetricsCsvWriter implements MetricsSink, Closeable {

  private final BufferedWriter out;

  public MetricsCsvWriter(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(PeriodRow.HEADER);
    out.write('\n');
  }

  @Override
  public void accept(PeriodRow row) throws IOException {
    out.write(line(row));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Returns {@code row} as a CSV line: counts as whole numbers, other values to at most 3
   * decimals, empty when NaN, whatever the default locale.
   */
  public static String line(PeriodRow row) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(Numbers.decimal(row.periodStartSeconds())).append(',');
    sb.append(Csv.text(row.function()));
    for (PeriodColumn column : PeriodColumn.all()) {
      sb.append(',');
      double value = row.value(column);
      if (column.unit().isWhole()) {
        sb.append((long) value);
      } else {
        sb.append(Numbers.decimal(value));
      }
    }
    return sb.toString();
  }
}
