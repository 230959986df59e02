package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceFormat;

import java.io.Closeable;

/**
 * A trace, read one arrival at a time. Implementations stream: what they hold does not grow
 * with the trace's length. One class per format, registered in {@link TraceFormat}.
 *
 * <p>Problems in the file are reported through {@link BadRows} (rows) or thrown as
 * {@link TraceException} (the file as a whole: a missing column, an unknown function).
 */
public interface TraceReader extends Closeable {

  /** Marks the end of the trace. */
  long END = Long.MAX_VALUE;

  /** Marks an arrival without a duration of its own. */
  long NO_DURATION = -1;

  /**
   * Returns the next arrival instant in nanoseconds from the trace's own origin (before the
   * source's offset), never less than the one before, or {@link #END}.
   */
  long nextInstantNanos();

  /** Returns the duration the trace gives the arrival last returned, or {@link #NO_DURATION}. */
  default long durationNanos() {
    return NO_DURATION;
  }

  /**
   * Returns {@code instantNanos + offsetNanos}, saturated instead of wrapping around (an arrival
   * pushed past the last instant stays after every horizon, one pushed before the first stays
   * before 0), and never {@link #END}.
   */
  static long shift(long instantNanos, long offsetNanos) {
    long sum = instantNanos + offsetNanos;
    if (((instantNanos ^ sum) & (offsetNanos ^ sum)) < 0) {
      return instantNanos < 0 ? Long.MIN_VALUE : END - 1;
    }
    return sum == END ? END - 1 : sum;
  }

  /** Closes the file; never throws. */
  @Override
  void close();
}
