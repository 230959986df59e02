package dev.lambdasim.spec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a reader needs to replay one {@code trace:} source, validated by the loader.
 *
 * @param format         which reader
 * @param file           the resolved file
 * @param shownFile      the file as the user would name it, for messages
 * @param column         timestamps: the instant column (default 0, the first)
 * @param unitNanos      timestamps: nanoseconds per unit of the instant column
 * @param durationColumn timestamps: the handler-time column, or null for none
 * @param durationUnitNanos timestamps: nanoseconds per unit of the duration column
 * @param function       azure-2019, azure-2021, cloudwatch: which function (or metric) to
 *                       replay, or null for all rows
 * @param day            azure-2019: which day the file covers, from 1; its minute m (from 1)
 *                       starts at (day − 1)·1d + (m − 1)·1m
 * @param within         azure-2019, cloudwatch: how a period's count is placed within it
 * @param periodNanos    cloudwatch: the period, or 0 to infer it (the greatest common divisor
 *                       of the gaps between datapoints)
 * @param useDurations   azure-2021: whether the {@code duration} column drives handler time
 * @param onBadRow       what a bad row does
 * @param durationsFile  azure-2019: the matching duration-percentile file, whose row for the
 *                       function drives handler time, or null
 * @param durationsShown that file as the user would name it
 */
public record TraceOptions(
    TraceFormat format,
    Path file,
    String shownFile,
    Column column,
    long unitNanos,
    Column durationColumn,
    long durationUnitNanos,
    String function,
    int day,
    WithinPeriod within,
    long periodNanos,
    boolean useDurations,
    BadRowPolicy onBadRow,
    Path durationsFile,
    String durationsShown) {

  public static final Column DEFAULT_COLUMN = Column.at(0);
  public static final long DEFAULT_UNIT_NANOS = TimeUnits.SECOND;
  public static final int DEFAULT_DAY = 1;
  public static final WithinPeriod DEFAULT_WITHIN = WithinPeriod.POISSON;
  /** The {@code periodNanos} that asks the reader to infer the period from the datapoints. */
  public static final long INFER_PERIOD = 0;
  public static final BadRowPolicy DEFAULT_ON_BAD_ROW = BadRowPolicy.FAIL;

  public TraceOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(shownFile, "shownFile");
    Objects.requireNonNull(onBadRow, "onBadRow");
    if (day < 1 || unitNanos < 1 || durationUnitNanos < 1 || periodNanos < 0) {
      throw new IllegalArgumentException("trace options need day >= 1, units >= 1 ns, period >= 0");
    }
  }

  /** Returns the options of a trace of {@code format} in {@code file}, with every default. */
  public static TraceOptions defaults(TraceFormat format, Path file) {
    return new TraceOptions(format, file, file.toString(), DEFAULT_COLUMN, DEFAULT_UNIT_NANOS, null,
        DEFAULT_UNIT_NANOS, null, DEFAULT_DAY, DEFAULT_WITHIN, INFER_PERIOD, false,
        DEFAULT_ON_BAD_ROW, null, null);
  }

  public TraceOptions withColumn(Column c, long unit) {
    return new TraceOptions(format, file, shownFile, c, unit, durationColumn, durationUnitNanos,
        function, day, within, periodNanos, useDurations, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withDurationColumn(Column c, long unit) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, c, unit, function, day,
        within, periodNanos, useDurations, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withFunction(String f) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, f, day, within, periodNanos, useDurations, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withDay(int d) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, function, d, within, periodNanos, useDurations, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withWithin(WithinPeriod w) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, function, day, w, periodNanos, useDurations, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withPeriod(long nanos) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, function, day, within, nanos, useDurations, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withUseDurations(boolean use) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, function, day, within, periodNanos, use, onBadRow, durationsFile, durationsShown);
  }

  public TraceOptions withOnBadRow(BadRowPolicy policy) {
    return new TraceOptions(format, file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, function, day, within, periodNanos, useDurations, policy, durationsFile, durationsShown);
  }

  public TraceOptions withDurationsFile(Path file, String shown) {
    return new TraceOptions(format, this.file, shownFile, column, unitNanos, durationColumn,
        durationUnitNanos, function, day, within, periodNanos, useDurations, onBadRow, file, shown);
  }

  public TraceOptions withShownFile(String shown) {
    return new TraceOptions(format, file, shown, column, unitNanos, durationColumn,
        durationUnitNanos, function, day, within, periodNanos, useDurations, onBadRow, durationsFile, durationsShown);
  }
}
