package dev.lambdasim.workload;

/**
 * A stream of arrival instants, pulled one at a time so no source is ever held in memory.
 * Instants never decrease.
 */
public interface ArrivalProcess {

  /** Marks the end of a finite process. */
  long END = Long.MAX_VALUE;

  /** Returns the next arrival instant in nanoseconds, or {@link #END} when there are no more. */
  long nextArrivalNanos();

  /** Marks an arrival whose handler time the function's distribution decides. */
  long NO_DURATION = -1;

  /**
   * Returns the handler time the source prescribes for the arrival last returned by
   * {@link #nextArrivalNanos()} (a trace's duration column), or {@link #NO_DURATION}.
   */
  default long durationNanos() {
    return NO_DURATION;
  }

  /** Releases what the process holds open (a trace file); most hold nothing. Never throws. */
  default void close() {}
}
