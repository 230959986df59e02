package dev.lambdasim.run;

import dev.lambdasim.metrics.MetricsSink;
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
    out.write(row.toCsv());
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
