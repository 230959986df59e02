package dev.lambdasim.model;

/**
 * Configured provisioned concurrency GB-seconds as billed: from enable to disable in 5-minute
 * steps (pricing page, P). lambdasim bills each 5-minute window of the run (aligned to its
 * start) at the largest value configured during that window, which gives the page's "rounded up
 * to 5 minutes" for a value that is set once, and never bills less than was configured.
 *
 * <p>Windows that end at or before the warm-up are left out, like every other summary figure.
 * Work is done only when the value changes, never per event.
 */
final class ProvisionedBilling {

  static final long WINDOW_NANOS = 300_000_000_000L;

  private final double memoryGb;
  private final long measuredFromNanos;
  private long window;
  private int windowMax;
  private int current;
  private double gbSeconds;

  ProvisionedBilling(int memoryMb, long measuredFromNanos) {
    this.memoryGb = memoryMb / 1024.0;
    this.measuredFromNanos = measuredFromNanos;
  }

  /** The configured value becomes {@code value} at {@code nowNanos}. */
  void change(long nowNanos, int value) {
    closeWindowsBefore(nowNanos / WINDOW_NANOS);
    current = value;
    // A value replaced at the very start of a window held for no time in it.
    windowMax = nowNanos == window * WINDOW_NANOS ? value : Math.max(windowMax, value);
  }

  /** Returns the billed GB-seconds of a run that ends at {@code endNanos}. */
  double gbSeconds(long endNanos) {
    long windows = (endNanos + WINDOW_NANOS - 1) / WINDOW_NANOS;
    closeWindowsBefore(windows);
    return gbSeconds;
  }

  private void closeWindowsBefore(long target) {
    if (target <= window) {
      return;
    }
    bill(window, windowMax);
    // The windows in between hold the current value throughout.
    long firstBilled = Math.max(window + 1, firstMeasuredWindow());
    if (target > firstBilled) {
      gbSeconds += (double) current * memoryGb * (target - firstBilled) * (WINDOW_NANOS / 1e9);
    }
    window = target;
    windowMax = current;
  }

  private void bill(long windowIndex, int value) {
    if (windowIndex >= firstMeasuredWindow()) {
      gbSeconds += value * memoryGb * (WINDOW_NANOS / 1e9);
    }
  }

  private long firstMeasuredWindow() {
    // A window counts if it ends after the warm-up.
    return measuredFromNanos / WINDOW_NANOS;
  }
}
