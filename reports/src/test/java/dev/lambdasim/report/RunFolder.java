package dev.lambdasim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes small synthetic run folders, shaped like the simulator's output, for the tests. */
final class RunFolder {
  static final String HEADER = "periodStart,function,Invocations,Errors,Throttles,Duration_avg,"
      + "Duration_p50,Duration_p99,Duration_max,ConcurrentExecutions,"
      + "ProvisionedConcurrentExecutions,ProvisionedConcurrencyUtilization,"
      + "ProvisionedConcurrencyInvocations,ProvisionedConcurrencySpilloverInvocations,ColdStarts,"
      + "InitDuration_avg,IteratorAge_max,AsyncEventsReceived,AsyncEventAge_max,"
      + "AsyncEventsDropped,DeadLetterErrors,DestinationDeliveryFailures,EnvironmentsBusy,"
      + "EnvironmentsIdle,Shutdowns,Timeouts,InitDuration_p99,EnvironmentsInitializing,"
      + "EnvironmentsProvisionedIdle,EnvironmentsCreated,"
      + "Throttles_ConcurrentInvocationLimitExceeded,"
      + "Throttles_ReservedFunctionConcurrentInvocationLimitExceeded,"
      + "Throttles_FunctionInvocationRateLimitExceeded,"
      + "Throttles_ReservedFunctionInvocationRateLimitExceeded,Throttles_ScalingRateExceeded";

  private RunFolder() {}

  /** Returns one metrics row; {@code i} varies the numbers so charts have shape. */
  static String row(double periodStart, String function, int i, boolean idle) {
    if (idle) {
      // Nothing ran: statistics are empty cells, counts are zero.
      return String.format(Locale.ROOT, "%.1f,%s,0,0,0,,,,,0,0,0,0,0,0,,,0,,0,0,0,0.0,1.5,0,0,,"
          + "0.0,0.0,0,0,0,0,0,0", periodStart, function);
    }
    int invocations = 100 + 40 * (i % 5);
    int throttles = i % 3;
    // A synchronous run: no async events (AsyncEventsReceived 0, its age empty).
    return String.format(Locale.ROOT,
        "%.1f,%s,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%d,0,0,0,0,%d,%.1f,,0,,0,0,0,%.2f,%.2f,1,%d,%.1f,"
            + "%.2f,%.2f,%d,%d,%d,0,0,%d",
        periodStart, function, invocations, i % 4, throttles, 80.0 + i, 70.0 + i, 300.0 + 5 * i,
        420.0 + 5 * i, 5 + i % 7, i % 6, 250.0 + i, 2.5 + (i % 3), 1.25, i % 2,
        600.0 + i, 0.4, 0.0, i % 6, throttles > 0 ? 1 : 0, 0, throttles > 1 ? 1 : 0);
  }

  /** Writes a complete run folder with the given functions and periods. */
  static void write(Path dir, List<String> functions, int periods, String description)
      throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (int p = 0; p < periods; p++) {
      for (String function : functions) {
        lines.add(row(60.0 * p, function, p, p == 1 && periods > 2));
      }
      lines.add(row(60.0 * p, "*", p, false));
    }
    Files.write(dir.resolve("metrics.csv"), lines, StandardCharsets.UTF_8);

    List<String> latency = new ArrayList<>();
    latency.add("function,kind,percentile,latencyMs");
    for (String function : functions) {
      for (int p = 0; p <= 100; p += 10) {
        latency.add(String.format(Locale.ROOT, "%s,warm,%d,%.2f", function, p, 20.0 + 3.0 * p));
        latency.add(String.format(Locale.ROOT, "%s,cold,%d,%.2f", function, p, 400.0 + 9.0 * p));
      }
    }
    Files.write(dir.resolve("latency.csv"), latency, StandardCharsets.UTF_8);

    Files.writeString(dir.resolve("summary.json"), summaryJson(functions, description),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("scenario.yaml"),
        "name: test-run\ndescription: \"" + description + "\"\nfunctions:\n  - name: <b>api</b>\n",
        StandardCharsets.UTF_8);
  }

  static String summaryJson(List<String> functions, String description) {
    StringBuilder json = new StringBuilder();
    json.append("{\"scenario\":\"test-run\",\"seed\":42,\"simulatedSeconds\":600.0,")
        .append("\"version\":\"0.1.0\",\"metricsPeriodSeconds\":60,")
        .append("\"description\":").append(quote(description)).append(",\"functions\":{");
    for (int i = 0; i < functions.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(quote(functions.get(i))).append(":{\"arrivals\":1000,\"invocations\":990,")
          .append("\"succeeded\":985,\"errors\":5,\"timeouts\":1,\"throttles\":10,")
          .append("\"throttlesByReason\":{\"ScalingRateExceeded\":10},")
          .append("\"coldStarts\":12,\"coldStartRate\":0.0121,\"throttleRate\":0.01,")
          .append("\"provisionedInvocations\":0,\"spilloverInvocations\":3,")
          .append("\"durationMs\":{\"mean\":80,\"p50\":70,\"p90\":150,\"p99\":300,\"max\":420},")
          .append("\"latencyMs\":{\"mean\":90,\"p50\":75,\"p90\":160,\"p99\":700,\"max\":900},")
          .append("\"concurrency\":{\"peak\":11,\"mean\":4.2},")
          .append("\"environments\":{\"created\":12,\"reclaimed\":3,\"peak\":11,\"meanIdle\":1.5},")
          .append("\"billedGbSeconds\":81.234,\"costUsd\":{\"requests\":0.0002,")
          .append("\"compute\":0.00135,\"provisioned\":0.0,\"total\":0.00155}}");
    }
    json.append("},\"account\":{\"peakConcurrency\":20,\"throttles\":10,\"costUsd\":0.0031,")
        .append("\"invocations\":1980,\"coldStarts\":24,")
        .append("\"throttlesByReason\":{\"ScalingRateExceeded\":10},")
        .append("\"cost\":{\"requests\":0.0004,\"compute\":0.0027,\"provisioned\":0,\"total\":0.0031}},")
        .append("\"limits\":{\"accountConcurrencyLimit\":1000,\"unreservedMinimum\":100,")
        .append("\"scaling\":\"per-function\",\"functions\":{");
    for (int i = 0; i < functions.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(quote(functions.get(i))).append(":{\"reservedConcurrency\":")
          .append(i == 0 ? "12" : "null").append(",\"provisionedConcurrency\":")
          .append(i == 0 ? "4" : "0").append(",\"memoryMb\":1024}");
    }
    json.append("}},\"conservation\":{\"arrivals\":2000,\"succeeded\":1970,\"failed\":10,")
        .append("\"throttled\":20,\"dropped\":0,\"inFlightAtEnd\":0,\"balanced\":true}}");
    return json.toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
