package dev.lambdasim.output;

import dev.lambdasim.run.FunctionSummary;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code functions.csv}: one row per function with the summary's key numbers, for
 * spreadsheets (a fleet may have thousands of functions, more than metrics.csv lists).
 */
public final class FunctionsCsv {

  public static final String HEADER = "function,originalId,arrivals,invocations,errors,throttles,"
      + "coldStarts,coldStartRate,latencyP50Ms,latencyP99Ms,peakConcurrency,costUsd,inMetrics";

  private FunctionsCsv() {}

  public static void write(RunResult result, Path file) throws IOException {
    Map<String, String> originalIds = originalIds(result.scenario());
    Map<String, Boolean> listed = new LinkedHashMap<>();
    for (FunctionSpec spec : result.scenario().functions()) {
      listed.put(spec.name(), FleetReplay.listedInMetrics(spec));
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (FunctionSummary f : result.functions()) {
        StringBuilder row = new StringBuilder(160);
        row.append(Csv.text(f.name())).append(',');
        row.append(Csv.text(originalIds.getOrDefault(f.name(), ""))).append(',');
        row.append(f.arrivals()).append(',').append(f.invocations()).append(',');
        row.append(f.errors()).append(',').append(f.throttles()).append(',');
        row.append(f.coldStarts()).append(',');
        row.append(Numbers.round(f.coldStartRate(), 6).toPlainString()).append(',');
        row.append(Numbers.decimal(f.latencyMs().p50())).append(',');
        row.append(Numbers.decimal(f.latencyMs().p99())).append(',');
        row.append(f.concurrencyPeak()).append(',');
        row.append(Numbers.round(f.cost().totalUsd(), 6).toPlainString()).append(',');
        row.append(listed.getOrDefault(f.name(), true));
        out.write(row.append('\n').toString());
      }
    }
  }

  /** Returns the original trace id of each fleet function, by name. */
  static Map<String, String> originalIds(Scenario scenario) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (FunctionSpec spec : scenario.functions()) {
      String id = FleetReplay.originalIdOf(spec);
      if (id != null) {
        ids.put(spec.name(), id);
      }
    }
    return ids;
  }
}
