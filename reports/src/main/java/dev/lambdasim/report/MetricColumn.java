package dev.lambdasim.report;

import dev.lambdasim.metrics.PeriodColumn;

/**
 * The metrics.csv columns that the report charts, each naming its column of the simulator's
 * registry ({@link PeriodColumn}), with the label its charts show. Only these are kept in
 * memory: one double per period per column, per function.
 */
enum MetricColumn {
  INVOCATIONS(PeriodColumn.INVOCATIONS, "Invocations"),
  ERRORS(PeriodColumn.ERRORS, "Errors"),
  THROTTLES(PeriodColumn.THROTTLES, "Throttles"),
  TIMEOUTS(PeriodColumn.TIMEOUTS, "Timeouts"),
  DURATION_AVG(PeriodColumn.DURATION_AVG, "Duration avg"),
  DURATION_P99(PeriodColumn.DURATION_P99, "Duration p99"),
  DURATION_MAX(PeriodColumn.DURATION_MAX, "Duration max"),
  CONCURRENT_EXECUTIONS(PeriodColumn.CONCURRENT_EXECUTIONS, "Concurrent executions (max)"),
  COLD_STARTS(PeriodColumn.COLD_STARTS, "Cold starts"),
  INIT_DURATION_AVG(PeriodColumn.INIT_DURATION_AVG, "Init duration avg"),
  INIT_DURATION_P99(PeriodColumn.INIT_DURATION_P99, "Init duration p99"),
  ITERATOR_AGE_MAX(PeriodColumn.ITERATOR_AGE_MAX, "Iterator age max"),
  ENVIRONMENTS_INITIALIZING(PeriodColumn.ENVIRONMENTS_INITIALIZING, "Initialising"),
  ENVIRONMENTS_BUSY(PeriodColumn.ENVIRONMENTS_BUSY, "Busy"),
  ENVIRONMENTS_IDLE(PeriodColumn.ENVIRONMENTS_IDLE, "Idle"),
  ENVIRONMENTS_PROVISIONED_IDLE(PeriodColumn.ENVIRONMENTS_PROVISIONED_IDLE, "Provisioned idle"),
  ENVIRONMENTS_CREATED(PeriodColumn.ENVIRONMENTS_CREATED, "Created"),
  SHUTDOWNS(PeriodColumn.SHUTDOWNS, "Ended (reclaimed or recycled)"),
  THROTTLES_ACCOUNT_CONCURRENCY(
      PeriodColumn.THROTTLES_CONCURRENT_INVOCATION_LIMIT, "Account concurrency limit"),
  THROTTLES_RESERVED_CONCURRENCY(
      PeriodColumn.THROTTLES_RESERVED_CONCURRENT_INVOCATION_LIMIT, "Reserved concurrency"),
  THROTTLES_RATE(PeriodColumn.THROTTLES_FUNCTION_INVOCATION_RATE_LIMIT, "Invocation rate limit"),
  THROTTLES_RESERVED_RATE(
      PeriodColumn.THROTTLES_RESERVED_INVOCATION_RATE_LIMIT, "Reserved invocation rate"),
  THROTTLES_SCALING(PeriodColumn.THROTTLES_SCALING_RATE_EXCEEDED, "Scaling rate"),
  PROVISIONED_CONCURRENT_EXECUTIONS(
      PeriodColumn.PROVISIONED_CONCURRENT_EXECUTIONS, "Provisioned used (max busy)"),
  PROVISIONED_CONFIGURED(
      PeriodColumn.PROVISIONED_CONCURRENCY_CONFIGURED, "Provisioned configured"),
  PROVISIONED_READY(PeriodColumn.PROVISIONED_CONCURRENCY_READY, "Provisioned ready"),
  ASYNC_EVENTS_RECEIVED(PeriodColumn.ASYNC_EVENTS_RECEIVED, "Events received"),
  ASYNC_EVENTS_DROPPED(PeriodColumn.ASYNC_EVENTS_DROPPED, "Events dropped"),
  ASYNC_EVENT_AGE_MAX(PeriodColumn.ASYNC_EVENT_AGE_MAX, "Event age max"),
  ASYNC_QUEUE_DEPTH_MAX(PeriodColumn.ASYNC_QUEUE_DEPTH_MAX, "Queue depth max"),
  ITERATOR_AGE_AVG(PeriodColumn.ITERATOR_AGE_AVG, "Iterator age avg"),
  ESM_BACKLOG_MAX(PeriodColumn.ESM_BACKLOG_MAX, "Backlog max"),
  MESSAGE_AGE_MAX(PeriodColumn.MESSAGE_AGE_MAX, "Message age max"),
  MESSAGE_AGE_AVG(PeriodColumn.MESSAGE_AGE_AVG, "Message age avg"),
  ESM_CONCURRENCY_MAX(PeriodColumn.ESM_CONCURRENCY_MAX, "Batches running max"),
  SQS_POLLER_CONCURRENCY_MAX(PeriodColumn.SQS_POLLER_CONCURRENCY_MAX, "Poller allowance max");

  private final PeriodColumn column;
  private final String label;

  MetricColumn(PeriodColumn column, String label) {
    this.column = column;
    this.label = label;
  }

  /** Returns the column name exactly as metrics.csv spells it. */
  String header() {
    return column.csvName();
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
