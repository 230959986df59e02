package dev.lambdasim.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.metrics.MetricsRecorder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metrics.csv as the registry of columns writes it: the header is the contract's, spelled out
 * here in full so that a renamed or moved column fails; counts are whole, other values have at
 * most 3 decimals, and statistics with no data are empty cells.
 */
final class MetricsCsvWriterTest {

  private static final String HEADER = "periodStart,function,Invocations,Errors,Throttles,"
      + "Duration_avg,Duration_p50,Duration_p99,Duration_max,ConcurrentExecutions,"
      + "ProvisionedConcurrentExecutions,ProvisionedConcurrencyUtilization,"
      + "ProvisionedConcurrencyInvocations,ProvisionedConcurrencySpilloverInvocations,ColdStarts,"
      + "InitDuration_avg,IteratorAge_max,AsyncEventsReceived,AsyncEventAge_max,"
      + "AsyncEventsDropped,DeadLetterErrors,DestinationDeliveryFailures,EnvironmentsBusy,"
      + "EnvironmentsIdle,Shutdowns,Timeouts,InitDuration_p99,EnvironmentsInitializing,"
      + "EnvironmentsProvisionedIdle,EnvironmentsCreated,"
      + "Throttles_ConcurrentInvocationLimitExceeded,"
      + "Throttles_ReservedFunctionConcurrentInvocationLimitExceeded,"
      + "Throttles_FunctionInvocationRateLimitExceeded,"
      + "Throttles_ReservedFunctionInvocationRateLimitExceeded,Throttles_ScalingRateExceeded,"
      + "ProvisionedConcurrencyConfigured,ProvisionedConcurrencyReady,AsyncQueueDepth_max,"
      + "IteratorAge_avg,EsmRecordsReceived,EsmBatches,EsmBacklog_max,MessageAge_max,"
      + "MessageAge_avg,EsmConcurrency_max,SqsPollerConcurrency_max,EsmFailedRecords";

  @Test
  void theHeaderIsTheContract(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("metrics.csv");
    try (MetricsCsvWriter writer = new MetricsCsvWriter(file)) {
      // The header alone.
    }
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(HEADER);
  }

  /** One function, one invocation of 125.5 ms, then idle for the last third of a 90 s period. */
  @Test
  void rowsFormatEachColumnByItsUnit(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("metrics.csv");
    try (MetricsCsvWriter writer = new MetricsCsvWriter(file)) {
      MetricsRecorder recorder = new MetricsRecorder(0, writer);
      FunctionMetrics api = recorder.register(new FunctionMetrics("a,b", 0));
      api.start(true, false, false, false);
      api.complete(true, 0, 0, 125_500_000L, false, false, false, false, 0.1);
      api.idle.add(60_000_000_000L, 1);
      recorder.closePeriod(0, 90_000_000_000L);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("0,\"a,b\",1,0,0,125.5,");
    assertThat(lines.get(2)).startsWith("0,*,1,0,0,125.5,");
    List<String> header = List.of(HEADER.split(","));
    String[] cells = lines.get(2).split(",", -1);
    assertThat(cells).hasSize(header.size());
    assertThat(cells[header.indexOf("ConcurrentExecutions")]).isEqualTo("0");
    assertThat(cells[header.indexOf("InitDuration_avg")]).isEmpty();
    assertThat(cells[header.indexOf("IteratorAge_max")]).isEqualTo("0");
    assertThat(cells[header.indexOf("EnvironmentsIdle")]).isEqualTo("0.333");
    assertThat(cells[header.indexOf("MessageAge_max")]).isEmpty();
  }
}
