package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdasim.output.ResultFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasim run} on a small two-function scenario publishes exactly the files of
 * docs/outputs.md under {@code DIR/<name>/}: a summary.json with the binding keys and a balanced
 * ledger, a metrics.csv with the CloudWatch columns and one row per (period, function) plus the
 * account row, the marker, and no temporary folder; a second run replaces the folder (it carries
 * the marker).
 */
final class RunCommandTest {

  static final String METRICS_HEADER_PREFIX = "periodStart,function,Invocations,Errors,"
      + "Throttles,Duration_avg,Duration_p50,Duration_p99,Duration_max,ConcurrentExecutions,"
      + "ProvisionedConcurrentExecutions,ProvisionedConcurrencyUtilization,"
      + "ProvisionedConcurrencyInvocations,ProvisionedConcurrencySpilloverInvocations,ColdStarts,"
      + "InitDuration_avg,IteratorAge_max,AsyncEventsReceived,AsyncEventAge_max,"
      + "AsyncEventsDropped,DeadLetterErrors,DestinationDeliveryFailures,EnvironmentsBusy,"
      + "EnvironmentsIdle,Shutdowns";

  private static final List<String> STATS = List.of("mean", "p50", "p90", "p99", "max");

  @TempDir Path dir;
  Path scenario;
  Path out;

  @BeforeEach
  void writeScenario() throws IOException {
    scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
    out = dir.resolve("out");
  }

  @Test
  void writesExactlyTheResultFiles() throws IOException {
    Cli.Result result = Cli.execute("run", scenario, "--out", out);

    assertThat(result.code()).as(result.err()).isZero();
    Path folder = out.resolve("small");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "summary.json", "metrics.csv", "latency.csv", "functions.csv", "environments.csv", "scenario.yaml",
          "report.html",
          "charts", ResultFolder.MARKER);
    }
    assertThat(folder.resolve("charts")).isDirectory().isNotEmptyDirectory();
    assertThat(folder.resolve("scenario.yaml")).hasSameTextualContentAs(scenario);
  }

  @Test
  void summaryHasTheBindingKeysAndABalancedLedger() throws IOException {
    assertThat(Cli.execute("run", scenario, "--out", out, "--no-report").code()).isZero();

    JsonNode summary = Cli.summary(out.resolve("small"));

    assertThat(summary.get("scenario").asText()).isEqualTo("small");
    assertThat(summary.get("seed").asLong()).isEqualTo(42);
    assertThat(summary.get("simulatedSeconds").asDouble()).isEqualTo(600.0);
    assertThat(fieldNames(summary.get("functions"))).containsExactlyInAnyOrder("api", "slow");
    for (String function : List.of("api", "slow")) {
      JsonNode f = summary.get("functions").get(function);
      assertThat(f).as(function).isNotNull();
      assertThat(fieldNames(f)).as(function).contains("arrivals", "invocations", "errors",
          "timeouts", "throttles", "coldStarts", "coldStartRate", "throttleRate",
          "provisionedInvocations", "spilloverInvocations", "durationMs", "initDurationMs",
          "latencyMs", "concurrency", "environments", "billedGbSeconds", "costUsd");
      for (String stats : List.of("durationMs", "initDurationMs", "latencyMs")) {
        assertThat(fieldNames(f.get(stats))).as(function + "." + stats).containsAll(STATS);
      }
      assertThat(fieldNames(f.get("concurrency"))).contains("peak", "mean");
      assertThat(fieldNames(f.get("environments")))
          .contains("created", "reclaimed", "peak", "meanIdle");
      assertThat(fieldNames(f.get("costUsd")))
          .contains("requests", "compute", "provisioned", "total");
    }
    assertThat(fieldNames(summary.get("account")))
        .contains("peakConcurrency", "throttles", "costUsd");
    JsonNode conservation = summary.get("conservation");
    assertThat(fieldNames(conservation)).contains("arrivals", "succeeded", "failed",
        "throttled", "dropped", "inFlightAtEnd", "balanced");
    assertThat(conservation.get("balanced").asBoolean()).isTrue();
    // The scenario is built to reach each outcome, so the ledger is not trivially balanced.
    assertThat(conservation.get("failed").asLong()).isPositive();
    assertThat(conservation.get("throttled").asLong()).isPositive();
    assertThat(conservation.get("inFlightAtEnd").asLong()).isPositive();
  }

  @Test
  void metricsHeaderStartsWithTheCloudWatchColumns() throws IOException {
    assertThat(Cli.execute("run", scenario, "--out", out, "--no-report").code()).isZero();

    List<String> lines = Files.readAllLines(out.resolve("small/metrics.csv"));

    // The trailing comma makes "Shutdowns" a whole column name, not a prefix of one.
    assertThat(lines.get(0) + ",").startsWith(METRICS_HEADER_PREFIX + ",");
  }

  @Test
  void metricsHaveOneRowPerPeriodAndFunctionPlusTheAccount() throws IOException {
    assertThat(Cli.execute("run", scenario, "--out", out, "--no-report").code()).isZero();

    List<String[]> rows = rows(out.resolve("small/metrics.csv"));

    Set<String> periods = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (String[] row : rows) {
      periods.add(row[0]);
      assertThat(keys.add(row[0] + "/" + row[1])).as("duplicate row %s/%s", row[0], row[1])
          .isTrue();
    }
    // 10 minutes in 1-minute periods.
    assertThat(periods).hasSize(10);
    for (String period : periods) {
      assertThat(keys).contains(period + "/api", period + "/slow", period + "/*");
    }
    assertThat(rows).hasSize(10 * 3);
  }

  @Test
  void periodInvocationsAddUpToTheSummaryWithoutWarmup() throws IOException {
    assertThat(Cli.execute("run", scenario, "--out", out, "--no-report").code()).isZero();

    JsonNode summary = Cli.summary(out.resolve("small"));
    Map<String, Long> sums = new HashMap<>();
    for (String[] row : rows(out.resolve("small/metrics.csv"))) {
      sums.merge(row[1], Long.parseLong(row[2]), Long::sum);
    }

    long total = 0;
    for (String function : List.of("api", "slow")) {
      long invocations = summary.at("/functions/" + function + "/invocations").asLong();
      assertThat(sums.get(function)).as(function).isEqualTo(invocations);
      total += invocations;
    }
    assertThat(sums.get("*")).isEqualTo(total);
  }

  @Test
  void leavesNoPartialFolder() throws IOException {
    assertThat(Cli.execute("run", scenario, "--out", out, "--no-report").code()).isZero();

    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("small", ResultFolder.LOCK);
    }
  }

  @Test
  void secondRunReplacesTheFolder() throws IOException {
    assertThat(Cli.execute("run", scenario, "--out", out, "--no-report").code()).isZero();
    Path stale = Files.writeString(out.resolve("small/stale.txt"), "from before");

    Cli.Result second = Cli.execute("run", scenario, "--out", out, "--no-report", "--seed", 7);

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(Cli.summary(out.resolve("small")).get("seed").asLong()).isEqualTo(7);
    try (Stream<Path> entries = Files.list(out)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("small", ResultFolder.LOCK);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Returns the data rows of a CSV file without quoting, split on commas. */
  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }
}
