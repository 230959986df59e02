package dev.lambdasim.workload;

import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.workload.trace.BadRows;
import dev.lambdasim.workload.trace.TraceReader;
import dev.lambdasim.workload.trace.TraceReaders;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A trace replayed as an arrival process. The file is opened at the first pull (when the run
 * starts), not when the scenario is loaded. The trace's instant t becomes t + offset (with
 * {@code offset: first}, minus the first instant, so the trace starts at 0); arrivals outside
 * [from, to) — including those a negative offset moves before 0 — are not replayed.
 */
public final class TraceArrivals implements ArrivalProcess {

  private final TraceOptions options;
  private final RandomGenerator random;
  private final BadRows badRows;
  private boolean offsetFirst;
  private final boolean durations;
  private final long fromNanos;
  private final long toNanos;
  private long offsetNanos;
  private TraceReader reader;
  private boolean ended;
  private long duration = NO_DURATION;

  /**
   * @param offsetFirst whether the offset is minus the first instant ({@code offset: first});
   *     then {@code offsetNanos} is ignored
   */
  public TraceArrivals(TraceOptions options, RandomGenerator random, long offsetNanos,
      boolean offsetFirst, long fromNanos, long toNanos) {
    this.options = options;
    this.random = random;
    this.badRows = new BadRows(options.onBadRow(), options.shownFile());
    this.offsetNanos = offsetNanos;
    this.offsetFirst = offsetFirst;
    this.fromNanos = Math.max(0, fromNanos);
    this.toNanos = toNanos;
    this.durations = options.durationColumn() != null || options.durationsFile() != null
        || (options.useDurations() && options.format() == TraceFormat.AZURE_2021);
  }

  @Override
  public long nextArrivalNanos() {
    if (ended) {
      return END;
    }
    if (reader == null) {
      reader = TraceReaders.open(options, random, badRows);
    }
    while (true) {
      long t = reader.nextInstantNanos();
      if (t == TraceReader.END) {
        return finish();
      }
      if (offsetFirst) {
        offsetNanos = -t;
        offsetFirst = false;
      }
      long shifted = TraceReader.shift(t, offsetNanos);
      if (shifted < fromNanos) {
        continue;
      }
      if (shifted >= toNanos) {
        return finish();
      }
      duration = durations ? reader.durationNanos() : NO_DURATION;
      return shifted;
    }
  }

  private long finish() {
    ended = true;
    close();
    return END;
  }

  @Override
  public long durationNanos() {
    return duration;
  }

  /** Returns the source's bad-row account: how many rows were skipped, and the first ones. */
  public BadRows badRows() {
    return badRows;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
    }
  }
}
