package dev.lambdasim.metrics;

/**
 * Counts for the conservation ledger: a request (a sync call, or an async event) arrives, is in
 * flight until its outcome, and ends exactly once as one of {@link FunctionMetrics.Outcome}.
 */
public final class Outcomes {

  private long arrivals;
  private long succeeded;
  private long failed;
  private long throttled;
  private long dropped;
  private long inFlight;

  Outcomes() {}

  public long arrivals() {
    return arrivals;
  }

  public long succeeded() {
    return succeeded;
  }

  public long failed() {
    return failed;
  }

  public long throttled() {
    return throttled;
  }

  public long dropped() {
    return dropped;
  }

  public long inFlight() {
    return inFlight;
  }

  public boolean balanced() {
    return arrivals == succeeded + failed + throttled + dropped + inFlight;
  }

  void arrive() {
    arrivals++;
    inFlight++;
  }

  void end(FunctionMetrics.Outcome outcome) {
    inFlight--;
    switch (outcome) {
      case SUCCEEDED -> succeeded++;
      case FAILED -> failed++;
      case THROTTLED -> throttled++;
      case DROPPED -> dropped++;
    }
  }
}
