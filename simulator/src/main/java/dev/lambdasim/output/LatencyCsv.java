package dev.lambdasim.output;

import dev.lambdasim.run.FunctionSummary;
import dev.lambdasim.run.RunResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code latency.csv}: the caller-seen latency CDF of cold and warm invocations. */
public final class LatencyCsv {

  public static final String HEADER = "function,kind,percentile,latencyMs";

  private LatencyCsv() {}

  public static void write(RunResult result, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (FunctionSummary f : result.functions()) {
        rows(out, f.name(), "warm", f.latencyWarm());
        rows(out, f.name(), "cold", f.latencyCold());
      }
    }
  }

  private static void rows(BufferedWriter out, String function, String kind,
      List<FunctionSummary.CdfPoint> points) throws IOException {
    for (FunctionSummary.CdfPoint point : points) {
      out.write(Csv.text(function) + ',' + Csv.text(kind) + ','
          + Numbers.decimal(point.percentile()) + ',' + Numbers.decimal(point.latencyMs()) + '\n');
    }
  }
}
