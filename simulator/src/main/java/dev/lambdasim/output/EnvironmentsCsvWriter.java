package dev.lambdasim.output;

import dev.lambdasim.metrics.EnvironmentTimeline;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams environment state spans to {@code environments.csv}: one row per span, times in
 * seconds from the start of the run; {@code ended} is {@code reclaimed} or {@code recycled} on an
 * environment's last span.
 */
public final class EnvironmentsCsvWriter implements EnvironmentTimeline.Sink, Closeable {

  public static final String HEADER = "function,environment,provisioned,state,start,end,ended";

  private final BufferedWriter out;

  public EnvironmentsCsvWriter(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(HEADER);
    out.write('\n');
  }

  @Override
  public void span(String function, long environment, boolean provisioned, String state,
      long startNanos, long endNanos, String ended) throws IOException {
    out.write(Csv.text(function));
    out.write(',');
    out.write(Long.toString(environment));
    out.write(',');
    out.write(provisioned ? "true" : "false");
    out.write(',');
    out.write(Csv.text(state));
    out.write(',');
    out.write(Numbers.round(startNanos / 1e9, 6).toPlainString());
    out.write(',');
    out.write(Numbers.round(endNanos / 1e9, 6).toPlainString());
    out.write(',');
    out.write(Csv.text(ended));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
