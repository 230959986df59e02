package dev.lambdasim.run;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.model.SimulatedFunction;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.workload.ArrivalProcess;
import dev.lambdasim.workload.trace.FleetTrace;

/**
 * Feeds a fleet's azure-2021 trace into its functions: one reader over the file, each row
 * dispatched to its function. Only the next row is ever scheduled, so the queue holds one event
 * for the whole fleet, and the file is read once whatever the number of functions. Arrivals at
 * the same instant keep the file's order.
 */
final class FleetSource extends Event {

  private final EventLoop loop;
  private final FleetReplay replay;
  private final SimulatedFunction[] functions;
  private final long horizonNanos;
  private final boolean durations;
  private FleetTrace trace;
  private int nextFunction;
  private long nextDurationNanos = ArrivalProcess.NO_DURATION;

  FleetSource(EventLoop loop, FleetReplay replay, long horizonNanos) {
    super(EventKind.ARRIVAL);
    this.loop = loop;
    this.replay = replay;
    this.functions = new SimulatedFunction[replay.size()];
    this.horizonNanos = horizonNanos;
    this.durations = replay.options().useDurations();
  }

  /** Makes {@code function} the target of the rows of fleet function {@code index}. */
  void attach(int index, SimulatedFunction function) {
    functions[index] = function;
  }

  /** Opens the trace and schedules the first arrival, if there is one before the horizon. */
  void start() {
    trace = FleetTrace.open(replay.options(), replay.indexById(), replay.offsetNanos(),
        replay.fromNanos(), replay.toNanos());
    scheduleNext();
  }

  @Override
  protected void fire() {
    functions[nextFunction].arrive(nextDurationNanos);
    scheduleNext();
  }

  private void scheduleNext() {
    long next = trace.nextArrivalNanos();
    if (next == FleetTrace.END || next >= horizonNanos) {
      trace.close();
      return;
    }
    nextFunction = trace.function();
    nextDurationNanos = durations ? trace.durationNanos() : ArrivalProcess.NO_DURATION;
    if (next < loop.nowNanos()) {
      throw new IllegalStateException("fleet trace " + replay.options().shownFile()
          + " went back in time: " + next + " ns < " + loop.nowNanos() + " ns");
    }
    loop.schedule(this, next);
  }

  /** Closes the trace file. */
  void close() {
    if (trace != null) {
      trace.close();
    }
  }

  @Override
  public String toString() {
    return "arrival from fleet trace " + replay.options().shownFile();
  }
}
