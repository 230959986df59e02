package dev.lambdasim.workload;

/** {@code count} arrivals at the same instant. */
public final class BurstArrivals implements ArrivalProcess {

  private final long atNanos;
  private long remaining;

  public BurstArrivals(long atNanos, long count) {
    this.atNanos = atNanos;
    this.remaining = count;
  }

  @Override
  public long nextArrivalNanos() {
    if (remaining == 0) {
      return END;
    }
    remaining--;
    return atNanos;
  }
}
