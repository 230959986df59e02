package dev.lambdasim.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.lambdasim.cost.FunctionCost;
import dev.lambdasim.metrics.EsmMetrics;
import dev.lambdasim.metrics.ScalingAction;
import dev.lambdasim.run.AsyncSummary;
import dev.lambdasim.run.EsmSummary;
import dev.lambdasim.run.FunctionSummary;
import dev.lambdasim.run.Ledger;
import dev.lambdasim.run.ProvisionedSummary;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.Stats;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code summary.json}. Key names are a contract, documented in docs/outputs.md: keys
 * may be added, never renamed. Keys are written in a fixed order and numbers rounded to fixed
 * decimals, so the same run gives the same bytes. A statistic with no observations is
 * {@code null}.
 */
public final class SummaryJson {

  private SummaryJson() {}

  public static void write(RunResult result, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter());
      // 7200 rather than 7.2E+3: stripped BigDecimals would otherwise print in scientific form.
      json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      write(result, json);
      json.writeRaw('\n');
    }
  }

  private static void write(RunResult result, JsonGenerator json) throws IOException {
    Scenario scenario = result.scenario();
    json.writeStartObject();
    json.writeStringField("scenario", scenario.name());
    json.writeStringField("description", scenario.description());
    json.writeNumberField("seed", scenario.seed());
    number(json, "simulatedSeconds", scenario.durationNanos() / 1e9, 3);
    number(json, "durationSeconds", scenario.durationNanos() / 1e9, 3);
    number(json, "warmupSeconds", scenario.warmupNanos() / 1e9, 3);
    number(json, "measuredSeconds", result.measuredSeconds(), 3);
    number(json, "metricsPeriodSeconds", scenario.metricsPeriodNanos() / 1e9, 3);
    json.writeStringField("version", Version.current());

    json.writeObjectFieldStart("functions");
    Map<String, String> originalIds = FunctionsCsv.originalIds(scenario);
    for (FunctionSummary f : result.functions()) {
      json.writeObjectFieldStart(f.name());
      if (originalIds.containsKey(f.name())) {
        // Only a fleet's functions have this key: their id in the trace.
        json.writeStringField("originalId", originalIds.get(f.name()));
      }
      writeFunction(f, json);
      json.writeEndObject();
    }
    json.writeEndObject();

    FleetReplay fleet = FleetReplay.of(scenario);
    if (fleet != null) {
      // Only a scenario with a fleet has this key: the fleet's trace rows skipped as bad.
      json.writeObjectFieldStart("fleet");
      json.writeNumberField("functions", fleet.size());
      json.writeNumberField("durationDefaults", fleet.durationDefaults());
      json.writeNumberField("memoryDefaults", fleet.memoryDefaults());
      json.writeNumberField("traceRowsSkipped", fleet.rowsSkipped());
      json.writeArrayFieldStart("traceRowsSkippedFirst");
      for (String row : fleet.rowsSkippedFirst()) {
        json.writeString(row);
      }
      json.writeEndArray();
      json.writeEndObject();
    }

    json.writeObjectFieldStart("account");
    json.writeNumberField("peakConcurrency", result.accountPeakConcurrency());
    number(json, "meanConcurrency", result.accountMeanConcurrency(), 3);
    json.writeNumberField("invocations", result.accountInvocations());
    json.writeNumberField("coldStarts", result.accountColdStarts());
    json.writeNumberField("throttles", result.accountThrottles());
    counts(json, "throttlesByReason", result.accountThrottlesByReason());
    number(json, "costUsd", result.accountCost().totalUsd(), 6);
    cost(json, "cost", result.accountCost());
    json.writeEndObject();

    json.writeObjectFieldStart("limits");
    json.writeNumberField("accountConcurrencyLimit", scenario.account().concurrencyLimit());
    json.writeNumberField("unreservedMinimum", scenario.account().unreservedMinimum());
    json.writeStringField("scaling", scenario.account().scaling().model().label());
    json.writeObjectFieldStart("functions");
    for (FunctionSpec spec : scenario.functions()) {
      json.writeObjectFieldStart(spec.name());
      if (spec.concurrency().hasReserved()) {
        json.writeNumberField("reservedConcurrency", spec.concurrency().reserved());
      } else {
        json.writeNullField("reservedConcurrency");
      }
      json.writeNumberField("provisionedConcurrency", spec.concurrency().provisioned().initial());
      json.writeNumberField("claimedConcurrency", result.claimedConcurrency().get(spec.name()));
      json.writeNumberField("memoryMb", spec.code().memoryMb());
      json.writeStringField("architecture", spec.code().architecture().label());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();

    Ledger ledger = result.conservation();
    json.writeObjectFieldStart("conservation");
    ledger(json, ledger);
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeFunction(FunctionSummary f, JsonGenerator json) throws IOException {
    json.writeNumberField("arrivals", f.arrivals());
    json.writeNumberField("invocations", f.invocations());
    json.writeNumberField("succeeded", f.ledger().succeeded());
    json.writeNumberField("errors", f.errors());
    json.writeNumberField("timeouts", f.timeouts());
    json.writeNumberField("throttles", f.throttles());
    counts(json, "throttlesByReason", f.throttlesByReason());
    json.writeNumberField("coldStarts", f.coldStarts());
    number(json, "coldStartRate", f.coldStartRate(), 6);
    number(json, "throttleRate", f.throttleRate(), 6);
    json.writeNumberField("provisionedInvocations", f.provisionedInvocations());
    json.writeNumberField("spilloverInvocations", f.spilloverInvocations());
    stats(json, "durationMs", f.durationMs());
    stats(json, "initDurationMs", f.initDurationMs());
    stats(json, "latencyMs", f.latencyMs());
    json.writeObjectFieldStart("concurrency");
    json.writeNumberField("peak", f.concurrencyPeak());
    number(json, "mean", f.concurrencyMean(), 3);
    json.writeEndObject();
    json.writeObjectFieldStart("environments");
    json.writeNumberField("created", f.environmentsCreated());
    json.writeNumberField("reclaimed", f.environmentsReclaimed());
    json.writeNumberField("recycled", f.environmentsRecycled());
    json.writeNumberField("peak", f.environmentsPeak());
    number(json, "meanIdle", f.environmentsMeanIdle(), 3);
    json.writeEndObject();
    number(json, "billedGbSeconds", f.billedGbSeconds(), 3);
    number(json, "provisionedGbSeconds", f.provisionedConfiguredGbSeconds(), 3);
    cost(json, "costUsd", f.cost());
    provisioned(json, f.provisioned());
    async(json, f.async());
    if (f.traceRows() != null) {
      // Only functions replaying a trace have these keys.
      json.writeNumberField("traceRowsSkipped", f.traceRows().skipped());
      json.writeArrayFieldStart("traceRowsSkippedFirst");
      for (String row : f.traceRows().firstSkipped()) {
        json.writeString(row);
      }
      json.writeEndArray();
    }
    if (f.eventSource() != null) {
      eventSource(json, f.eventSource());
    }
    json.writeObjectFieldStart("ledger");
    ledger(json, f.ledger());
    json.writeEndObject();
  }

  private static void provisioned(JsonGenerator json, ProvisionedSummary p) throws IOException {
    json.writeObjectFieldStart("provisioned");
    number(json, "configuredGbSeconds", p.configuredGbSeconds(), 3);
    json.writeObjectFieldStart("utilisation");
    number(json, "mean", p.utilisationMean(), 6);
    number(json, "max", p.utilisationMax(), 6);
    json.writeEndObject();
    json.writeNumberField("scalingActions", p.scalingActions());
    json.writeArrayFieldStart("actions");
    for (ScalingAction action : p.actions()) {
      json.writeStartObject();
      number(json, "timeSeconds", action.timeNanos() / 1e9, 3);
      json.writeNumberField("from", action.from());
      json.writeNumberField("to", action.to());
      json.writeStringField("reason", action.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void async(JsonGenerator json, AsyncSummary a) throws IOException {
    json.writeObjectFieldStart("async");
    json.writeNumberField("received", a.received());
    json.writeNumberField("dropped", a.dropped());
    json.writeNumberField("retried", a.retried());
    json.writeNumberField("throttledAttempts", a.throttledAttempts());
    stats(json, "ageMs", a.ageMs());
    json.writeNumberField("queueDepthPeak", a.queueDepthPeak());
    counts(json, "failuresByCondition", a.failuresByCondition());
    json.writeObjectFieldStart("failedInvokeCounts");
    for (Map.Entry<Integer, Long> e : a.failedInvokeCounts().entrySet()) {
      json.writeNumberField(Integer.toString(e.getKey()), e.getValue());
    }
    json.writeEndObject();
    counts(json, "deliveries", a.deliveries());
    json.writeEndObject();
  }

  /** Writes the {@code sqs} or {@code stream} section of a function with such a mapping. */
  private static void eventSource(JsonGenerator json, EsmSummary e) throws IOException {
    boolean sqs = e.kind().equals("sqs");
    json.writeObjectFieldStart(e.kind());
    json.writeNumberField("received", e.received());
    json.writeNumberField("batches", e.batches());
    number(json, "meanBatchSize", e.meanBatchSize(), 3);
    json.writeNumberField("throttledBatches", e.throttledBatches());
    json.writeNumberField("failedBatches", e.failedBatches());
    if (sqs) {
      json.writeNumberField("receives", e.receives());
      json.writeNumberField("deadLettered",
          e.failuresByCondition().getOrDefault("MaxReceiveCountExceeded", 0L));
      stats(json, "messageAgeMs", e.messageAgeMs());
      json.writeNumberField("queueDepthPeak", e.backlogPeak());
      json.writeNumberField("concurrencyPeak", e.concurrencyPeak());
      json.writeNumberField("pollerConcurrencyPeak", e.pollerConcurrencyPeak());
    } else {
      json.writeNumberField("retries", e.retries());
      json.writeNumberField("bisections", e.bisections());
      json.writeNumberField("failed", e.failed());
      stats(json, "iteratorAgeMs", e.iteratorAgeMs());
      json.writeNumberField("backlogPeak", e.backlogPeak());
      json.writeNumberField("concurrencyPeak", e.concurrencyPeak());
    }
    counts(json, "failuresByCondition", new TreeMap<>(e.failuresByCondition()));
    counts(json, "deliveries", new TreeMap<>(e.deliveries()));
    if (!sqs) {
      json.writeNumberField("failureRecordCount", e.failureRecordCount());
      json.writeArrayFieldStart("failureRecords");
      for (EsmMetrics.FailureRecord r : e.failureRecords()) {
        json.writeStartObject();
        number(json, "timeSeconds", r.timeNanos() / 1e9, 3);
        json.writeNumberField("shard", r.shard());
        json.writeNumberField("firstSequence", r.firstSequence());
        json.writeNumberField("lastSequence", r.lastSequence());
        json.writeNumberField("records", r.records());
        json.writeStringField("condition", r.condition());
        json.writeNumberField("approximateInvokeCount", r.approximateInvokeCount());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("shards");
      for (EsmSummary.Shard shard : e.shards()) {
        json.writeStartObject();
        json.writeNumberField("shard", shard.shard());
        json.writeNumberField("received", shard.received());
        json.writeNumberField("succeeded", shard.succeeded());
        json.writeNumberField("givenUp", shard.givenUp());
        json.writeNumberField("backlogAtEnd", shard.backlogAtEnd());
        number(json, "iteratorAgeMaxMs", shard.iteratorAgeMaxMs(), 3);
        json.writeNumberField("poisoned", shard.poisoned());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void ledger(JsonGenerator json, Ledger ledger) throws IOException {
    json.writeNumberField("arrivals", ledger.arrivals());
    json.writeNumberField("succeeded", ledger.succeeded());
    json.writeNumberField("failed", ledger.failed());
    json.writeNumberField("throttled", ledger.throttled());
    json.writeNumberField("dropped", ledger.dropped());
    json.writeNumberField("inFlightAtEnd", ledger.inFlightAtEnd());
    json.writeBooleanField("balanced", ledger.balanced());
  }

  private static void stats(JsonGenerator json, String name, Stats stats) throws IOException {
    json.writeObjectFieldStart(name);
    number(json, "mean", stats.mean(), 3);
    number(json, "p50", stats.p50(), 3);
    number(json, "p90", stats.p90(), 3);
    number(json, "p99", stats.p99(), 3);
    number(json, "max", stats.max(), 3);
    json.writeEndObject();
  }

  private static void cost(JsonGenerator json, String name, FunctionCost cost) throws IOException {
    json.writeObjectFieldStart(name);
    number(json, "requests", cost.requestsUsd(), 6);
    number(json, "compute", cost.computeUsd(), 6);
    number(json, "provisioned", cost.provisionedUsd(), 6);
    number(json, "total", cost.totalUsd(), 6);
    json.writeEndObject();
  }

  private static void counts(JsonGenerator json, String name, Map<String, Long> counts)
      throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      json.writeNumberField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
  }

  private static void number(JsonGenerator json, String name, double value, int decimals)
      throws IOException {
    if (Double.isNaN(value)) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, Numbers.round(value, decimals));
    }
  }
}
