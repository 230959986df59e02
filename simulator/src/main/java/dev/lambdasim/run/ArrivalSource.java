package dev.lambdasim.run;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.model.SimulatedFunction;
import dev.lambdasim.workload.ArrivalProcess;

/**
 * Feeds one traffic source into its function. Only the next arrival of each source is ever
 * scheduled, so the queue holds one event per source whatever the traffic volume.
 */
final class ArrivalSource extends Event {

  private final EventLoop loop;
  private final SimulatedFunction function;
  private final ArrivalProcess process;
  private final long horizonNanos;
  private final String label;
  /** The handler time the process prescribed for the scheduled arrival, if any. */
  private long nextDurationNanos = ArrivalProcess.NO_DURATION;

  ArrivalSource(EventLoop loop, SimulatedFunction function, ArrivalProcess process,
      long horizonNanos, String label) {
    super(EventKind.ARRIVAL);
    this.loop = loop;
    this.function = function;
    this.process = process;
    this.horizonNanos = horizonNanos;
    this.label = label;
  }

  /** Schedules the first arrival, if there is one before the horizon. */
  void start() {
    scheduleNext();
  }

  @Override
  protected void fire() {
    function.arrive(nextDurationNanos);
    scheduleNext();
  }

  private void scheduleNext() {
    long next = process.nextArrivalNanos();
    nextDurationNanos = process.durationNanos();
    if (next != ArrivalProcess.END && next < horizonNanos) {
      if (next < loop.nowNanos()) {
        throw new IllegalStateException(label + " went back in time: " + next + " ns < "
            + loop.nowNanos() + " ns");
      }
      loop.schedule(this, next);
    }
  }

  /** Returns the process this source feeds from. */
  ArrivalProcess process() {
    return process;
  }

  /** Returns the function it feeds. */
  SimulatedFunction function() {
    return function;
  }

  /** Closes the process (a trace file). */
  void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "arrival from " + label;
  }
}
