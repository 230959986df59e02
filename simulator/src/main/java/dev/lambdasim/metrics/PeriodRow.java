package dev.lambdasim.metrics;

import java.util.List;

/**
 * One row of {@code metrics.csv}: what CloudWatch would show for one function (or the account,
 * {@code function = "*"}) in one metrics period. Statistics with no data are NaN and written as
 * empty cells; columns for features not simulated yet hold 0.
 *
 * @param periodStartSeconds start of the period, seconds from the start of the run
 * @param function           function name, or {@code *} for the account
 * @param durationAvgMs      handler duration statistics of invocations that ended in the period
 * @param concurrentExecutions maximum of environments initialising or busy in the period
 * @param environmentsBusy   time-weighted mean of busy environments (likewise the other states)
 * @param throttlesByReason  counts in {@link ThrottleReason} order
 * @param provisionedConcurrencyConfigured time-weighted mean of the configured value
 * @param provisionedConcurrencyReady time-weighted mean of initialised provisioned environments
 * @param asyncEventAgeMaxMs the oldest async event when invoked in the period
 * @param asyncQueueDepthMax the most async events waiting at once in the period
 * @param esm                the event source mapping's columns ({@code IteratorAge_max} and
 *                           the appended SQS and stream columns)
 */
public record PeriodRow(
    double periodStartSeconds,
    String function,
    long invocations,
    long errors,
    long throttles,
    double durationAvgMs,
    double durationP50Ms,
    double durationP99Ms,
    double durationMaxMs,
    long concurrentExecutions,
    long provisionedConcurrentExecutions,
    double provisionedConcurrencyUtilization,
    long provisionedConcurrencyInvocations,
    long provisionedConcurrencySpilloverInvocations,
    long coldStarts,
    double initDurationAvgMs,
    double environmentsBusy,
    double environmentsIdle,
    long shutdowns,
    long timeouts,
    double initDurationP99Ms,
    double environmentsInitializing,
    double environmentsProvisionedIdle,
    long environmentsCreated,
    List<Long> throttlesByReason,
    double provisionedConcurrencyConfigured,
    double provisionedConcurrencyReady,
    long asyncEventsReceived,
    double asyncEventAgeMaxMs,
    long asyncEventsDropped,
    long asyncQueueDepthMax,
    EsmMetrics.EsmRow esm) {

  /**
   * The header of {@code metrics.csv}. Names and order are a contract, documented in
   * docs/outputs.md: readers find columns by name, so columns are only ever appended.
   */
  public static final String HEADER = String.join(",",
      "periodStart", "function", "Invocations", "Errors", "Throttles",
      "Duration_avg", "Duration_p50", "Duration_p99", "Duration_max",
      "ConcurrentExecutions", "ProvisionedConcurrentExecutions",
      "ProvisionedConcurrencyUtilization", "ProvisionedConcurrencyInvocations",
      "ProvisionedConcurrencySpilloverInvocations", "ColdStarts", "InitDuration_avg",
      "IteratorAge_max", "AsyncEventsReceived", "AsyncEventAge_max", "AsyncEventsDropped",
      "DeadLetterErrors", "DestinationDeliveryFailures", "EnvironmentsBusy", "EnvironmentsIdle",
      "Shutdowns",
      // Columns beyond the contract, appended so the contract's columns keep their positions.
      "Timeouts", "InitDuration_p99", "EnvironmentsInitializing", "EnvironmentsProvisionedIdle",
      "EnvironmentsCreated",
      "Throttles_ConcurrentInvocationLimitExceeded",
      "Throttles_ReservedFunctionConcurrentInvocationLimitExceeded",
      "Throttles_FunctionInvocationRateLimitExceeded",
      "Throttles_ReservedFunctionInvocationRateLimitExceeded",
      "Throttles_ScalingRateExceeded",
      "ProvisionedConcurrencyConfigured", "ProvisionedConcurrencyReady", "AsyncQueueDepth_max",
      "IteratorAge_avg", "EsmRecordsReceived", "EsmBatches", "EsmBacklog_max", "MessageAge_max",
      "MessageAge_avg", "EsmConcurrency_max", "SqsPollerConcurrency_max", "EsmFailedRecords");

  public PeriodRow {
    throttlesByReason = List.copyOf(throttlesByReason);
    esm = esm == null ? EsmMetrics.EsmRow.EMPTY : esm;
  }
}
