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
}
