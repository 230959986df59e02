package dev.lambdasim.scenario;

import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.TrafficSpec;

import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.workload.ArrivalProcess;
import dev.lambdasim.workload.ArrivalProcesses;
import dev.lambdasim.workload.trace.TraceException;
import java.util.List;

/**
 * The horizon of a scenario that leaves {@code duration} out, as it may when all its traffic is
 * finite. Every source must end: a trace, a fleet, a burst, a ramp, a
 * spike, or any other source with a {@code to}. The horizon is then the last arrival, plus the
 * longest function timeout, so that the last requests can finish.
 *
 * <p>It plays every source once at load time, with the scenario's own seed, so the horizon is
 * exactly the one the run will see. That is one streaming pass over each trace (per function for
 * a fleet): time proportional to the traffic, memory constant.
 */
final class FiniteHorizon {

  private final Values values;
  private final Fields root;

  FiniteHorizon(Values values, Fields root) {
    this.values = values;
    this.root = root;
  }

  /** Returns the horizon in nanoseconds, or the mark of a horizon there is none of (reported). */
  Bound<Long> of(List<FunctionSpec> functions, long seed) {
    long last = -1;
    long longestTimeout = 0;
    for (int i = 0; i < functions.size(); i++) {
      FunctionSpec function = functions.get(i);
      longestTimeout = Math.max(longestTimeout, function.code().timeoutNanos());
      for (int j = 0; j < function.traffic().size(); j++) {
        TrafficSpec source = function.traffic().get(j);
        if (!ends(source)) {
          values.problems().add(root.at(), "duration", "required field 'duration' is missing, "
              + "and functions[" + i + "].traffic[" + j + "] (" + source.streamName()
              + ") has no end to take the horizon from (allowed: a duration such as 2h, or only "
              + "traffic that ends: trace, fleet, burst, ramp, spike, or a source with 'to')");
          return Bound.reported();
        }
        try {
          last = Math.max(last, lastArrival(source, function.name(), seed));
        } catch (TraceException e) {
          values.problems().add(root.at(), "duration", "the horizon cannot be taken from the "
              + "traffic: " + e.getMessage());
          return Bound.reported();
        }
      }
    }
    if (last < 0) {
      values.problems().add(root.at(), "duration", "required field 'duration' is missing, and "
          + "the traffic has no arrivals to take the horizon from (allowed: a duration such as 2h)");
      return Bound.reported();
    }
    return Bound.of(last + 1 + longestTimeout);
  }

  private static long lastArrival(TrafficSpec source, String function, long seed) {
    ArrivalProcess process = ArrivalProcesses.of(source, function, new RandomStreams(seed));
    try {
      long last = -1;
      long next;
      while ((next = process.nextArrivalNanos()) != ArrivalProcess.END) {
        last = Math.max(last, next);
      }
      return last;
    } finally {
      process.close();
    }
  }

  private static boolean ends(TrafficSpec source) {
    if (source instanceof TrafficSpec.Burst || source instanceof TrafficSpec.Trace
        || source instanceof TrafficSpec.Fleet || source instanceof TrafficSpec.Ramp
        || source instanceof TrafficSpec.Spike) {
      return true;
    }
    if (source instanceof TrafficSpec.Poisson p) {
      return p.toNanos() != TrafficSpec.OPEN;
    }
    if (source instanceof TrafficSpec.Constant c) {
      return c.toNanos() != TrafficSpec.OPEN;
    }
    if (source instanceof TrafficSpec.Diurnal d) {
      return d.toNanos() != TrafficSpec.OPEN;
    }
    if (source instanceof TrafficSpec.Periodic p) {
      return p.toNanos() != TrafficSpec.OPEN;
    }
    if (source instanceof TrafficSpec.Mmpp m) {
      return m.toNanos() != TrafficSpec.OPEN;
    }
    return false;
  }
}
