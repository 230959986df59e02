package dev.lambdasim.report;

/**
 * The metrics.csv columns that the report charts. Only these are kept in memory: one double per
 * period per column, per function.
 */
enum MetricColumn {
  INVOCATIONS("Invocations", "Invocations"),
  ERRORS("Errors", "Errors"),
  THROTTLES("Throttles", "Throttles"),
  TIMEOUTS("Timeouts", "Timeouts"),
  DURATION_AVG("Duration_avg", "Duration avg"),
  DURATION_P99("Duration_p99", "Duration p99"),
  DURATION_MAX("Duration_max", "Duration max"),
  CONCURRENT_EXECUTIONS("ConcurrentExecutions", "Concurrent executions (max)"),
  COLD_STARTS("ColdStarts", "Cold starts"),
  INIT_DURATION_AVG("InitDuration_avg", "Init duration avg"),
  INIT_DURATION_P99("InitDuration_p99", "Init duration p99"),
  ITERATOR_AGE_MAX("IteratorAge_max", "Iterator age max"),
  ENVIRONMENTS_INITIALIZING("EnvironmentsInitializing", "Initialising"),
  ENVIRONMENTS_BUSY("EnvironmentsBusy", "Busy"),
  ENVIRONMENTS_IDLE("EnvironmentsIdle", "Idle"),
  ENVIRONMENTS_PROVISIONED_IDLE("EnvironmentsProvisionedIdle", "Provisioned idle"),
  ENVIRONMENTS_CREATED("EnvironmentsCreated", "Created"),
  SHUTDOWNS("Shutdowns", "Ended (reclaimed or recycled)"),
  THROTTLES_ACCOUNT_CONCURRENCY(
      "Throttles_ConcurrentInvocationLimitExceeded", "Account concurrency limit"),
  THROTTLES_RESERVED_CONCURRENCY(
      "Throttles_ReservedFunctionConcurrentInvocationLimitExceeded", "Reserved concurrency"),
  THROTTLES_RATE("Throttles_FunctionInvocationRateLimitExceeded", "Invocation rate limit"),
  THROTTLES_RESERVED_RATE(
      "Throttles_ReservedFunctionInvocationRateLimitExceeded", "Reserved invocation rate"),
  THROTTLES_SCALING("Throttles_ScalingRateExceeded", "Scaling rate"),
  PROVISIONED_CONCURRENT_EXECUTIONS(
      "ProvisionedConcurrentExecutions", "Provisioned used (max busy)"),
  PROVISIONED_CONFIGURED("ProvisionedConcurrencyConfigured", "Provisioned configured"),
  PROVISIONED_READY("ProvisionedConcurrencyReady", "Provisioned ready"),
  ASYNC_EVENTS_RECEIVED("AsyncEventsReceived", "Events received"),
  ASYNC_EVENTS_DROPPED("AsyncEventsDropped", "Events dropped"),
  ASYNC_EVENT_AGE_MAX("AsyncEventAge_max", "Event age max"),
  ASYNC_QUEUE_DEPTH_MAX("AsyncQueueDepth_max", "Queue depth max"),
  ITERATOR_AGE_AVG("IteratorAge_avg", "Iterator age avg"),
  ESM_BACKLOG_MAX("EsmBacklog_max", "Backlog max"),
  MESSAGE_AGE_MAX("MessageAge_max", "Message age max"),
  MESSAGE_AGE_AVG("MessageAge_avg", "Message age avg"),
  ESM_CONCURRENCY_MAX("EsmConcurrency_max", "Batches running max"),
  SQS_POLLER_CONCURRENCY_MAX("SqsPollerConcurrency_max", "Poller allowance max");

  private final String header;
  private final String label;

  MetricColumn(String header, String label) {
    this.header = header;
    this.label = label;
  }

  /** Returns the column name exactly as metrics.csv spells it. */
  String header() {
    return header;
  }

  /** Returns the human label used in chart legends. */
  String label() {
    return label;
  }

  /** Returns the throttle columns split by reason, in the order they are stacked. */
  static MetricColumn[] throttleReasons() {
    return new MetricColumn[] {
      THROTTLES_ACCOUNT_CONCURRENCY, THROTTLES_RESERVED_CONCURRENCY, THROTTLES_RATE,
      THROTTLES_RESERVED_RATE, THROTTLES_SCALING
    };
  }

  /** Returns the environment-state columns, bottom layer first. */
  static MetricColumn[] environmentStates() {
    return new MetricColumn[] {
      ENVIRONMENTS_INITIALIZING, ENVIRONMENTS_BUSY, ENVIRONMENTS_IDLE,
      ENVIRONMENTS_PROVISIONED_IDLE
    };
  }
}
