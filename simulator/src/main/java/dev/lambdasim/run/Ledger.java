package dev.lambdasim.run;

import dev.lambdasim.metrics.Outcomes;

/**
 * The conservation ledger: every arrival ends exactly once, as succeeded, failed (error or
 * timeout), throttled, dropped, or still in flight when the run ends.
 */
public record Ledger(long arrivals, long succeeded, long failed, long throttled, long dropped,
    long inFlightAtEnd) {

  public static final Ledger EMPTY = new Ledger(0, 0, 0, 0, 0, 0);

  static Ledger of(Outcomes o) {
    return new Ledger(o.arrivals(), o.succeeded(), o.failed(), o.throttled(), o.dropped(),
        o.inFlight());
  }

  public boolean balanced() {
    return arrivals == succeeded + failed + throttled + dropped + inFlightAtEnd;
  }

  public Ledger plus(Ledger o) {
    return new Ledger(arrivals + o.arrivals, succeeded + o.succeeded, failed + o.failed,
        throttled + o.throttled, dropped + o.dropped, inFlightAtEnd + o.inFlightAtEnd);
  }
}
