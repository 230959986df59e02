package dev.lambdasim.metrics;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The columns of {@code metrics.csv} after {@code periodStart} and {@code function}, in file
 * order, each declared once: its CSV name, its unit (which decides how it is written), how one
 * function's value is read when a period closes, and how the values of several functions add
 * up on the {@code *others*} and account rows.
 *
 * <p>Names and order are a contract, documented in docs/outputs.md: readers find columns by
 * name and older ones by position, so a column is only ever added at the end (the header's first
 * 25 fields, up to {@code Shutdowns}, are the original set; the rest were appended).
 */
public enum PeriodColumn {
  INVOCATIONS("Invocations", Unit.COUNT, Sum.ADD, counted()),
  ERRORS("Errors", Unit.COUNT, Sum.ADD, counted()),
  /** All throttled attempts; the {@code Throttles_<Reason>} columns split them by reason. */
  THROTTLES("Throttles", Unit.COUNT, Sum.ADD, counted()),
  /** Handler durations of the invocations that ended in the period, like the next three. */
  DURATION_AVG("Duration_avg", Distribution.DURATION, LatencyHistogram::meanMs),
  DURATION_P50("Duration_p50", Distribution.DURATION, h -> h.percentileMs(50)),
  DURATION_P99("Duration_p99", Distribution.DURATION, h -> h.percentileMs(99)),
  DURATION_MAX("Duration_max", Distribution.DURATION, LatencyHistogram::maxMs),
  /** The most environments initialising or busy at once. */
  CONCURRENT_EXECUTIONS("ConcurrentExecutions", Unit.COUNT, Sum.ADD_MAXIMA,
      maxOf(f -> f.concurrency)),
  /** The most busy provisioned environments at once. */
  PROVISIONED_CONCURRENT_EXECUTIONS("ProvisionedConcurrentExecutions", Unit.COUNT,
      Sum.ADD_MAXIMA, maxOf(f -> f.provisionedBusy)),
  /**
   * A function's busiest provisioned moment over its most ready provisioned environments; on
   * an aggregate row, over the summed mean of ready ones (the functions' maxima need not
   * coincide). 0 without provisioned concurrency.
   */
  PROVISIONED_CONCURRENCY_UTILIZATION("ProvisionedConcurrencyUtilization",
      (column, f) -> ratio(f.provisionedBusy.closedMax(), f.provisionedReady.closedMax()),
      PeriodColumn::summedUtilisation),
  PROVISIONED_CONCURRENCY_INVOCATIONS("ProvisionedConcurrencyInvocations", Unit.COUNT, Sum.ADD,
      counted()),
  PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS("ProvisionedConcurrencySpilloverInvocations",
      Unit.COUNT, Sum.ADD, counted()),
  COLD_STARTS("ColdStarts", Unit.COUNT, Sum.ADD, counted()),
  INIT_DURATION_AVG("InitDuration_avg", Distribution.INIT, LatencyHistogram::meanMs),
  /** Streams: the oldest last record of a batch sent in the period (0 if none). */
  ITERATOR_AGE_MAX("IteratorAge_max", Unit.MILLISECONDS, Sum.MAX,
      (column, f) -> f.period().iteratorAge.maxMs(0.0)),
  ASYNC_EVENTS_RECEIVED("AsyncEventsReceived", Unit.COUNT, Sum.ADD, counted()),
  /** The oldest async event when invoked in the period (0 if none). */
  ASYNC_EVENT_AGE_MAX("AsyncEventAge_max", Unit.MILLISECONDS, Sum.MAX,
      (column, f) -> f.period().asyncAge.maxMs(0.0)),
  /** Events dropped without success: too old, or retries gave up (CloudWatch counts both). */
  ASYNC_EVENTS_DROPPED("AsyncEventsDropped", Unit.COUNT, Sum.ADD, counted()),
  /** Always 0: deliveries to a dead-letter queue never fail in the simulation. */
  DEAD_LETTER_ERRORS("DeadLetterErrors", Unit.COUNT, Sum.ADD, (column, f) -> 0),
  /** Always 0: deliveries to a destination never fail in the simulation. */
  DESTINATION_DELIVERY_FAILURES("DestinationDeliveryFailures", Unit.COUNT, Sum.ADD,
      (column, f) -> 0),
  ENVIRONMENTS_BUSY("EnvironmentsBusy", Unit.MEAN_COUNT, Sum.ADD, meanOf(f -> f.busy)),
  /** On-demand idle environments; provisioned ones are {@link #ENVIRONMENTS_PROVISIONED_IDLE}. */
  ENVIRONMENTS_IDLE("EnvironmentsIdle", Unit.MEAN_COUNT, Sum.ADD, meanOf(f -> f.idle)),
  /** Environments that ended, reclaimed after their keep-alive or recycled at their lifetime. */
  SHUTDOWNS("Shutdowns", Unit.COUNT, Sum.ADD, counted()),
  TIMEOUTS("Timeouts", Unit.COUNT, Sum.ADD, counted()),
  INIT_DURATION_P99("InitDuration_p99", Distribution.INIT, h -> h.percentileMs(99)),
  ENVIRONMENTS_INITIALIZING("EnvironmentsInitializing", Unit.MEAN_COUNT, Sum.ADD,
      meanOf(f -> f.initializing)),
  ENVIRONMENTS_PROVISIONED_IDLE("EnvironmentsProvisionedIdle", Unit.MEAN_COUNT, Sum.ADD,
      meanOf(f -> f.provisionedIdle)),
  ENVIRONMENTS_CREATED("EnvironmentsCreated", Unit.COUNT, Sum.ADD, counted()),
  THROTTLES_CONCURRENT_INVOCATION_LIMIT(ThrottleReason.CONCURRENT_INVOCATION_LIMIT),
  THROTTLES_RESERVED_CONCURRENT_INVOCATION_LIMIT(
      ThrottleReason.RESERVED_CONCURRENT_INVOCATION_LIMIT),
  THROTTLES_FUNCTION_INVOCATION_RATE_LIMIT(ThrottleReason.FUNCTION_INVOCATION_RATE_LIMIT),
  THROTTLES_RESERVED_INVOCATION_RATE_LIMIT(ThrottleReason.RESERVED_INVOCATION_RATE_LIMIT),
  THROTTLES_SCALING_RATE_EXCEEDED(ThrottleReason.SCALING_RATE_EXCEEDED),
  PROVISIONED_CONCURRENCY_CONFIGURED("ProvisionedConcurrencyConfigured", Unit.MEAN_COUNT,
      Sum.ADD, meanOf(f -> f.provisionedConfigured)),
  /** Provisioned environments initialised and usable. */
  PROVISIONED_CONCURRENCY_READY("ProvisionedConcurrencyReady", Unit.MEAN_COUNT, Sum.ADD,
      meanOf(f -> f.provisionedReady)),
  /** The most async events waiting at once. */
  ASYNC_QUEUE_DEPTH_MAX("AsyncQueueDepth_max", Unit.COUNT, Sum.ADD_MAXIMA,
      maxOf(f -> f.async.queueDepth)),
  /** Streams: the mean age of the last record of the period's batches (empty if none). */
  ITERATOR_AGE_AVG("IteratorAge_avg", Unit.MILLISECONDS, Sum.NOT_KEPT,
      (column, f) -> f.period().iteratorAge.meanMs()),
  /** Messages or records that entered the SQS queue or stream. */
  ESM_RECORDS_RECEIVED("EsmRecordsReceived", Unit.COUNT, Sum.ADD, counted()),
  ESM_BATCHES("EsmBatches", Unit.COUNT, Sum.ADD, counted()),
  /** The most messages or records waiting for a batch at once (SQS: visible messages). */
  ESM_BACKLOG_MAX("EsmBacklog_max", Unit.COUNT, Sum.ADD_MAXIMA, maxOf(f -> f.esm.backlog)),
  /** SQS: the oldest message received in a batch (empty if none). */
  MESSAGE_AGE_MAX("MessageAge_max", Unit.MILLISECONDS, Sum.MAX_IGNORING_NAN,
      (column, f) -> f.period().messageAge.maxMs(Double.NaN)),
  /** SQS: the mean age of the messages received (empty if none). */
  MESSAGE_AGE_AVG("MessageAge_avg", Unit.MILLISECONDS, Sum.NOT_KEPT,
      (column, f) -> f.period().messageAge.meanMs()),
  /** The most batches running at once. */
  ESM_CONCURRENCY_MAX("EsmConcurrency_max", Unit.COUNT, Sum.ADD_MAXIMA,
      maxOf(f -> f.esm.batchesInFlight)),
  /** SQS: the most concurrent batches the pollers allowed. */
  SQS_POLLER_CONCURRENCY_MAX("SqsPollerConcurrency_max", Unit.COUNT, Sum.ADD_MAXIMA,
      maxOf(f -> f.esm.pollerConcurrency)),
  /** Messages or records sent to a dead-letter queue or destination, or dropped. */
  ESM_FAILED_RECORDS("EsmFailedRecords", Unit.COUNT, Sum.ADD, counted());

  /** What a column's numbers are; it decides how they are written. */
  public enum Unit {
    /** A whole number: events in the period, or the most of something at once. */
    COUNT,
    /** A count's time-weighted mean over the period. */
    MEAN_COUNT,
    MILLISECONDS,
    /** A quotient of two other figures. */
    RATIO;

    /** Returns whether values are whole numbers, written without a decimal point. */
    public boolean isWhole() {
      return this == COUNT;
    }
  }

  /** How the values of several functions make the {@code *others*} and account rows. */
  public enum Sum {
    /** Added up: exact for counts, and for time-weighted means (the mean of a sum). */
    ADD,
    /**
     * Maxima added up: an upper bound, since the functions' peaks need not coincide. The
     * account row replaces {@link PeriodColumn#CONCURRENT_EXECUTIONS} and
     * {@link PeriodColumn#PROVISIONED_CONCURRENT_EXECUTIONS} with its own gauges' exact maxima.
     */
    ADD_MAXIMA,
    /** The largest value of any function. */
    MAX,
    /** The largest value of any function that has one; empty when none has. */
    MAX_IGNORING_NAN,
    /** The statistic of the merged histograms the functions record into. */
    FROM_HISTOGRAMS,
    /** Recomputed from the aggregate row's other columns. */
    RECOMPUTED,
    /** Means across functions are not kept: an empty cell. */
    NOT_KEPT
  }

  /** The period histograms a duration column reads. */
  enum Distribution {
    /** Handler durations (CloudWatch {@code Duration}). */
    DURATION,
    /** Init durations of cold starts. */
    INIT
  }

  /** Reads one function's value for the period that is closing. */
  @FunctionalInterface
  interface Reading {
    double of(PeriodColumn column, FunctionMetrics function);
  }

  /** Recomputes an aggregate row's value from its other, summed, columns. */
  @FunctionalInterface
  interface Recomputed {
    double of(ToDoubleFunction<PeriodColumn> summed);
  }

  private static final List<PeriodColumn> ALL = List.of(values());
  private static final PeriodColumn[] BY_THROTTLE_REASON = new PeriodColumn[ThrottleReason.count()];

  static {
    for (PeriodColumn column : ALL) {
      if (column.throttleReason != null) {
        BY_THROTTLE_REASON[column.throttleReason.ordinal()] = column;
      }
    }
  }

  private final String csvName;
  private final Unit unit;
  private final Sum sum;
  private final Reading reading;
  private final Distribution distribution;
  private final ToDoubleFunction<LatencyHistogram> statistic;
  private final Recomputed recomputed;
  private final ThrottleReason throttleReason;

  private PeriodColumn(String csvName, Unit unit, Sum sum, Reading reading,
      Distribution distribution, ToDoubleFunction<LatencyHistogram> statistic,
      Recomputed recomputed, ThrottleReason throttleReason) {
    this.csvName = csvName;
    this.unit = unit;
    this.sum = sum;
    this.reading = reading;
    this.distribution = distribution;
    this.statistic = statistic;
    this.recomputed = recomputed;
    this.throttleReason = throttleReason;
  }

  PeriodColumn(String csvName, Unit unit, Sum sum, Reading reading) {
    this(csvName, unit, sum, reading, null, null, null, null);
  }

  /** A duration statistic: of the function's period histogram, or of the merged ones. */
  PeriodColumn(String csvName, Distribution distribution,
      ToDoubleFunction<LatencyHistogram> statistic) {
    this(csvName, Unit.MILLISECONDS, Sum.FROM_HISTOGRAMS,
        (column, f) -> column.statistic(f.period().histograms), distribution, statistic, null,
        null);
  }

  /** A ratio, read one way for a function and recomputed another way for aggregate rows. */
  PeriodColumn(String csvName, Reading reading, Recomputed recomputed) {
    this(csvName, Unit.RATIO, Sum.RECOMPUTED, reading, null, null, recomputed, null);
  }

  /** The throttles of one reason, named {@code Throttles_<Reason>}. */
  PeriodColumn(ThrottleReason reason) {
    this("Throttles_" + reason.label(), Unit.COUNT, Sum.ADD, counted(), null, null, null,
        reason);
  }

  /** Returns the column's name exactly as metrics.csv spells it. */
  public String csvName() {
    return csvName;
  }

  public Unit unit() {
    return unit;
  }

  public Sum sum() {
    return sum;
  }

  /** Returns the columns in file order. */
  public static List<PeriodColumn> all() {
    return ALL;
  }

  /** Returns the column of the throttles of {@code reason}. */
  public static PeriodColumn throttles(ThrottleReason reason) {
    return BY_THROTTLE_REASON[reason.ordinal()];
  }

  /** Returns the column names in file order, joined by commas. */
  static String csvNames() {
    return ALL.stream().map(PeriodColumn::csvName).collect(Collectors.joining(","));
  }

  static int count() {
    return ALL.size();
  }

  /** Returns {@code function}'s value for the period that is closing. */
  double read(FunctionMetrics function) {
    return reading.of(this, function);
  }

  /** Returns this duration column's statistic of {@code histograms}. */
  double statistic(PeriodHistograms histograms) {
    return statistic.applyAsDouble(histograms.of(distribution));
  }

  /** Returns this ratio column's value for an aggregate row whose other columns are summed. */
  double recompute(ToDoubleFunction<PeriodColumn> summed) {
    return recomputed.of(summed);
  }

  private static Reading counted() {
    return (column, f) -> f.period().counts.get(column);
  }

  private static Reading meanOf(Function<FunctionMetrics, Gauge> gauge) {
    return (column, f) -> gauge.apply(f).closedMean();
  }

  private static Reading maxOf(Function<FunctionMetrics, Gauge> gauge) {
    return (column, f) -> gauge.apply(f).closedMax();
  }

  private static double summedUtilisation(ToDoubleFunction<PeriodColumn> summed) {
    return ratio(summed.applyAsDouble(PROVISIONED_CONCURRENT_EXECUTIONS),
        summed.applyAsDouble(PROVISIONED_CONCURRENCY_READY));
  }

  private static double ratio(double part, double whole) {
    return whole > 0 ? part / whole : 0.0;
  }
}
