package dev.lambdasim.model;

/**
 * The model's own count of provisioned environments busy and ready, and the feed the auto scaler
 * reads its utilisation from: what happened since its last data point.
 *
 * <p>Busy and ready time are integrated in whole environment-nanoseconds per window, so a data
 * point is exact however long the run.
 */
final class ProvisionedUtilisation {

  private long busy;
  private long ready;
  private long lastNanos;
  // The current window: since the previous data point (or the start of the run).
  private long busyNanos;
  private long readyNanos;
  private long starts;
  private long busyMax;

  /** An invocation started on a provisioned environment at {@code nowNanos}. */
  void started(long nowNanos) {
    advance(nowNanos);
    busy++;
    starts++;
    busyMax = Math.max(busyMax, busy);
  }

  /** An invocation on a provisioned environment ended at {@code nowNanos}. */
  void ended(long nowNanos) {
    advance(nowNanos);
    busy--;
  }

  /** Provisioned environments became ready (positive) or stopped being ready (negative). */
  void readyChanged(long nowNanos, int delta) {
    advance(nowNanos);
    ready += delta;
  }

  /** Returns the provisioned environments serving a request now. */
  long busy() {
    return busy;
  }

  /** Returns the provisioned environments initialised and usable now, idle or busy. */
  long ready() {
    return ready;
  }

  /** Returns what the window ending now saw, and starts the next window. */
  Window takeWindow(long nowNanos) {
    advance(nowNanos);
    Window window = new Window(busyNanos, readyNanos, starts, busyMax, ready);
    busyNanos = 0;
    readyNanos = 0;
    starts = 0;
    busyMax = busy;
    return window;
  }

  private void advance(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed <= 0) {
      return;
    }
    busyNanos += busy * elapsed;
    readyNanos += ready * elapsed;
    lastNanos = nowNanos;
  }

  /**
   * Provisioned utilisation over one window.
   *
   * @param busyNanos busy environment-nanoseconds
   * @param readyNanos ready environment-nanoseconds
   * @param starts invocations started on provisioned environments
   * @param busyMax the most environments busy at once
   * @param readyAtEnd environments ready at the window's end
   */
  record Window(long busyNanos, long readyNanos, long starts, long busyMax, long readyAtEnd) {

    /**
     * Returns whether the window has a data point: {@code ProvisionedConcurrencyUtilization} is
     * not emitted for a window in which no invocation ran on provisioned concurrency.
     */
    boolean hasDataPoint() {
      return (starts > 0 || busyNanos > 0) && readyNanos > 0;
    }

    /** Returns the time-weighted mean of busy ÷ ready (the Average statistic). */
    double average() {
      return (double) busyNanos / readyNanos;
    }

    /** Returns the most busy ÷ the ready at the end (the Maximum statistic). */
    double maximum() {
      return readyAtEnd > 0 ? (double) busyMax / readyAtEnd : 1.0;
    }
  }
}
