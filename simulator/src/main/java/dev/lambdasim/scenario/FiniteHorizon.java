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
  private long first = -1;

  FiniteHorizon(Values values, Fields root) {
    this.values = values;
    this.root = root;
  }

  /** Returns the horizon in nanoseconds, or the mark of a horizon there is none of (reported). */
  Bound<Long> of(List<FunctionSpec> functions, long seed) {
    if (!checkEnds(functions)) {
      return Bound.reported();
    }
    long last = -1;
    long longestTimeout = 0;
    for (FunctionSpec function : functions) {
      longestTimeout = Math.max(longestTimeout, function.code().timeoutNanos());
      for (TrafficSpec source : function.traffic()) {
        try {
          Span span = arrivals(source, function.name(), seed);
          if (span.firstNanos() >= 0) {
            first = first < 0 ? span.firstNanos() : Math.min(first, span.firstNanos());
          }
          last = Math.max(last, span.lastNanos());
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

  /** Returns the first arrival of all sources of the last {@link #of}, or 0 when none. */
  long firstArrivalNanos() {
    return Math.max(first, 0);
  }

  /**
   * Reports the first source that never ends, which leaves no horizon to take; true when every
   * source ends. It needs no replay, so it runs even when other problems stop the replay.
   */
  boolean checkEnds(List<FunctionSpec> functions) {
    for (int i = 0; i < functions.size(); i++) {
      for (TrafficSpec source : functions.get(i).traffic()) {
        if (!ends(source)) {
          values.problems().add(root.at(), "duration", "required field 'duration' is missing, "
              + "and functions[" + i + "].traffic[" + writtenIndex(i, source.streamName()) + "] ("
              + source.streamName() + ") has no end to take the horizon from (allowed: a duration "
              + "such as 2h, or only traffic that ends: trace, fleet, burst, ramp, spike, or a "
              + "source with 'to')");
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Returns where a source is written in its function's traffic list; bound sources leave out
   * invalid ones, but stream names ({@code kind#k}) count every written source of their kind.
   */
  private int writtenIndex(int function, String streamName) {
    int hash = streamName.lastIndexOf('#');
    String kind = streamName.substring(0, hash);
    int k = Integer.parseInt(streamName.substring(hash + 1));
    if (root.node("functions") instanceof Node.Sequence list && function < list.items().size()
        && list.items().get(function) instanceof Node.Mapping fn
        && fn.values().get("traffic") instanceof Node.Sequence traffic) {
      for (int j = 0; j < traffic.items().size(); j++) {
        if (traffic.items().get(j) instanceof Node.Mapping m && m.values().containsKey(kind)
            && m.values().size() == 1 && k-- == 0) {
          return j;
        }
      }
    }
    return -1;
  }

  /** The first and last arrival of a source, -1 each when it has none. */
  private record Span(long firstNanos, long lastNanos) {}

  private static Span arrivals(TrafficSpec source, String function, long seed) {
    ArrivalProcess process = ArrivalProcesses.of(source, function, new RandomStreams(seed));
    try {
      long first = -1;
      long last = -1;
      long next;
      while ((next = process.nextArrivalNanos()) != ArrivalProcess.END) {
        first = first < 0 ? next : Math.min(first, next);
        last = Math.max(last, next);
      }
      return new Span(first, last);
    } finally {
      process.close();
    }
  }

  /** Returns whether a source ends: a trace or a fleet with its file, any other at its window's end. */
  private static boolean ends(TrafficSpec source) {
    return source instanceof TrafficSpec.Trace || source instanceof TrafficSpec.Fleet
        || source.windowEndNanos() != TrafficSpec.OPEN;
  }
}
