package dev.lambdasim.run;

import dev.lambdasim.cost.FunctionCost;
import java.util.List;
import java.util.Map;

/**
 * What one function did over the measured window: the numbers of {@code summary.json}.
 *
 * @param throttlesByReason throttles by the platform's reason names, in a fixed order
 * @param latencyCold       caller-seen latency CDF of cold starts (percentile, ms)
 * @param latencyWarm       the same for warm invocations
 * @param provisioned       provisioned concurrency over time: its cost base, use and changes
 * @param async             the asynchronous event queue
 * @param traceRows         rows its trace sources skipped ({@code onBadRow: skip}), or null
 *                          when it has no trace source
 * @param eventSource       the SQS or stream event source mapping, or null for none
 */
public record FunctionSummary(
    String name,
    long arrivals,
    long invocations,
    long errors,
    long timeouts,
    long throttles,
    Map<String, Long> throttlesByReason,
    long coldStarts,
    long provisionedInvocations,
    long spilloverInvocations,
    Stats durationMs,
    Stats initDurationMs,
    Stats latencyMs,
    long concurrencyPeak,
    double concurrencyMean,
    long environmentsCreated,
    long environmentsReclaimed,
    long environmentsRecycled,
    long environmentsPeak,
    double environmentsMeanIdle,
    double onDemandGbSeconds,
    double provisionedDurationGbSeconds,
    double provisionedConfiguredGbSeconds,
    FunctionCost cost,
    Ledger ledger,
    List<CdfPoint> latencyCold,
    List<CdfPoint> latencyWarm,
    ProvisionedSummary provisioned,
    AsyncSummary async,
    TraceRows traceRows,
    EsmSummary eventSource) {

  public FunctionSummary {
    throttlesByReason = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(throttlesByReason));
    latencyCold = List.copyOf(latencyCold);
    latencyWarm = List.copyOf(latencyWarm);
  }

  /** coldStarts / invocations (0 when nothing ran). */
  public double coldStartRate() {
    return invocations == 0 ? 0.0 : (double) coldStarts / invocations;
  }

  /** throttles / arrivals (0 when nothing arrived). */
  public double throttleRate() {
    return arrivals == 0 ? 0.0 : (double) throttles / arrivals;
  }

  /** GB-seconds billed for invocations, on-demand and on provisioned environments. */
  public double billedGbSeconds() {
    return onDemandGbSeconds + provisionedDurationGbSeconds;
  }

  /**
   * Trace rows skipped as bad, over all the function's trace sources.
   *
   * @param skipped      how many rows were skipped
   * @param firstSkipped the first few, as {@code file:line: what was wrong}
   */
  public record TraceRows(long skipped, List<String> firstSkipped) {

    public TraceRows {
      firstSkipped = List.copyOf(firstSkipped);
    }
  }

  /** One point of a latency CDF. */
  public record CdfPoint(double percentile, double latencyMs) {}
}
