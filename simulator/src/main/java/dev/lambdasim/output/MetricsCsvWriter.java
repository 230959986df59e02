package dev.lambdasim.output;

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
    out.write(line(row));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Returns {@code row} as a CSV line, numbers in a fixed format independent of the locale. */
  public static String line(PeriodRow row) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(Numbers.decimal(row.periodStartSeconds())).append(',');
    sb.append(Csv.quote(row.function())).append(',');
    sb.append(row.invocations()).append(',').append(row.errors()).append(',');
    sb.append(row.throttles()).append(',');
    sb.append(Numbers.decimal(row.durationAvgMs())).append(',');
    sb.append(Numbers.decimal(row.durationP50Ms())).append(',');
    sb.append(Numbers.decimal(row.durationP99Ms())).append(',');
    sb.append(Numbers.decimal(row.durationMaxMs())).append(',');
    sb.append(row.concurrentExecutions()).append(',');
    sb.append(row.provisionedConcurrentExecutions()).append(',');
    sb.append(Numbers.decimal(row.provisionedConcurrencyUtilization())).append(',');
    sb.append(row.provisionedConcurrencyInvocations()).append(',');
    sb.append(row.provisionedConcurrencySpilloverInvocations()).append(',');
    sb.append(row.coldStarts()).append(',');
    sb.append(Numbers.decimal(row.initDurationAvgMs())).append(',');
    sb.append(Numbers.decimal(row.esm().iteratorAgeMaxMs())).append(',');
    sb.append(row.asyncEventsReceived()).append(',');
    sb.append(Numbers.decimal(row.asyncEventAgeMaxMs())).append(',');
    sb.append(row.asyncEventsDropped()).append(',');
    // DeadLetterErrors, DestinationDeliveryFailures: deliveries never fail in the simulation.
    sb.append("0,0,");
    sb.append(Numbers.decimal(row.environmentsBusy())).append(',');
    sb.append(Numbers.decimal(row.environmentsIdle())).append(',');
    sb.append(row.shutdowns()).append(',');
    sb.append(row.timeouts()).append(',');
    sb.append(Numbers.decimal(row.initDurationP99Ms())).append(',');
    sb.append(Numbers.decimal(row.environmentsInitializing())).append(',');
    sb.append(Numbers.decimal(row.environmentsProvisionedIdle())).append(',');
    sb.append(row.environmentsCreated());
    for (long count : row.throttlesByReason()) {
      sb.append(',').append(count);
    }
    sb.append(',').append(Numbers.decimal(row.provisionedConcurrencyConfigured()));
    sb.append(',').append(Numbers.decimal(row.provisionedConcurrencyReady()));
    sb.append(',').append(row.asyncQueueDepthMax());
    sb.append(',').append(Numbers.decimal(row.esm().iteratorAgeAvgMs()));
    sb.append(',').append(row.esm().received());
    sb.append(',').append(row.esm().batches());
    sb.append(',').append(row.esm().backlogMax());
    sb.append(',').append(Numbers.decimal(row.esm().messageAgeMaxMs()));
    sb.append(',').append(Numbers.decimal(row.esm().messageAgeAvgMs()));
    sb.append(',').append(row.esm().batchesInFlightMax());
    sb.append(',').append(row.esm().pollerConcurrencyMax());
    sb.append(',').append(row.esm().failedRecords());
    return sb.toString();
  }
}
