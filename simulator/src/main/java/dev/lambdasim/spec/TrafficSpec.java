package dev.lambdasim.spec;

import java.util.List;

/**
 * One source of arrivals for a function. Sources superpose. Times are nanoseconds from the
 * start of the run; {@code fromNanos}/{@code toNanos} bound a source ({@code toNanos} =
 * {@link Long#MAX_VALUE} when open).
 *
 * <p>{@code streamName} is the stable name of the source's random stream, e.g.
 * {@code poisson#0} for the first Poisson source of its function; it does not change when
 * sources of other kinds are added, so existing draws stay the same.
 */
public sealed interface TrafficSpec {

  /** The {@code toNanos} of a source without an end. */
  long OPEN = Long.MAX_VALUE;

  String streamName();

  /**
   * Returns the first instant this source may produce an arrival at (its own window: a ramp's
   * start, a spike's later of {@code at} and {@code from}, a burst's {@code at}).
   */
  long windowStartNanos();

  /**
   * Returns the end (exclusive) of the window this source may produce arrivals in, {@link #OPEN}
   * when it has none of its own; a trace or a fleet still ends with its file.
   */
  long windowEndNanos();

  /** Poisson process (exponential inter-arrival times). */
  record Poisson(String streamName, double ratePerSecond, long fromNanos, long toNanos)
      implements TrafficSpec {

    public long windowStartNanos() {
      return fromNanos;
    }

    public long windowEndNanos() {
      return toNanos;
    }
  }

  /** Evenly spaced arrivals, the first at {@code fromNanos}. */
  record Constant(String streamName, double ratePerSecond, long fromNanos, long toNanos)
      implements TrafficSpec {

    public long windowStartNanos() {
      return fromNanos;
    }

    public long windowEndNanos() {
      return toNanos;
    }
  }

  /** {@code count} arrivals all at the same instant. */
  record Burst(String streamName, long atNanos, long count) implements TrafficSpec {

    public long windowStartNanos() {
      return atNanos;
    }

    public long windowEndNanos() {
      return atNanos == OPEN ? OPEN : atNanos + 1;
    }
  }

  /**
   * A Poisson process whose rate changes linearly from {@code fromRatePerSecond} at
   * {@code startNanos} to {@code toRatePerSecond} at {@code endNanos}, and is 0 outside
   * [start, end). (In the file, {@code from}/{@code to} are the rates and {@code start}/{@code end}
   * the window.) Either rate may be 0, not both.
   */
  record Ramp(String streamName, double fromRatePerSecond, double toRatePerSecond, long startNanos,
      long endNanos) implements TrafficSpec {

    public long windowStartNanos() {
      return startNanos;
    }

    public long windowEndNanos() {
      return endNanos;
    }

    public Ramp {
      if (!(fromRatePerSecond >= 0 && toRatePerSecond >= 0 && fromRatePerSecond + toRatePerSecond > 0)) {
        throw new IllegalArgumentException("ramp rates must be >= 0, not both 0: "
            + fromRatePerSecond + ", " + toRatePerSecond);
      }
      if (startNanos < 0 || startNanos >= endNanos) {
        throw new IllegalArgumentException("ramp needs 0 <= start < end: " + startNanos + ", " + endNanos);
      }
    }
  }

  /** A Poisson process at {@code ratePerSecond} during [at, at + for), further bounded by [from, to). */
  record Spike(String streamName, long atNanos, double ratePerSecond, long forNanos, long fromNanos,
      long toNanos) implements TrafficSpec {

    public long windowStartNanos() {
      return startNanos();
    }

    public long windowEndNanos() {
      return endNanos();
    }

    public Spike {
      if (!(ratePerSecond > 0) || atNanos < 0 || forNanos <= 0) {
        throw new IllegalArgumentException("spike needs rate > 0, at >= 0, for > 0");
      }
    }

    /** Returns the first instant arrivals may have: the later of {@code at} and {@code from}. */
    public long startNanos() {
      return Math.max(atNanos, fromNanos);
    }

    /** Returns the end (exclusive) of the window: the earlier of {@code at + for} and {@code to}. */
    public long endNanos() {
      long spikeEnd = atNanos > Long.MAX_VALUE - forNanos ? Long.MAX_VALUE : atNanos + forNanos;
      return Math.min(spikeEnd, toNanos);
    }
  }

  /**
   * A Poisson process with rate mean·(1 + amplitude·cos(2π(t − peakAt)/period)), t measured from
   * the start of the run (not from {@code from}), within [from, to).
   */
  record Diurnal(String streamName, double meanRatePerSecond, double amplitude, long periodNanos,
      long peakAtNanos, long fromNanos, long toNanos) implements TrafficSpec {

    public long windowStartNanos() {
      return fromNanos;
    }

    public long windowEndNanos() {
      return toNanos;
    }

    /** A day, the cycle of most diurnal load. */
    public static final long DEFAULT_PERIOD_NANOS = TimeUnits.DAY;

    public Diurnal {
      if (!(meanRatePerSecond > 0) || !(amplitude >= 0 && amplitude <= 1) || periodNanos <= 0
          || peakAtNanos < 0) {
        throw new IllegalArgumentException("diurnal needs mean > 0, amplitude in 0..1, period > 0, peakAt >= 0");
      }
    }
  }

  /**
   * A timer: ticks at from + k·every within [from, to); each arrival is its tick plus an
   * independent uniform delay in [0, jitter), and arrivals at or after {@code to} are dropped.
   * {@code jitter <= every}, so arrivals stay in tick order.
   */
  record Periodic(String streamName, long everyNanos, long jitterNanos, long fromNanos, long toNanos)
      implements TrafficSpec {

    public long windowStartNanos() {
      return fromNanos;
    }

    public long windowEndNanos() {
      return toNanos;
    }

    public Periodic {
      if (everyNanos <= 0 || jitterNanos < 0 || jitterNanos > everyNanos) {
        throw new IllegalArgumentException("periodic needs every > 0 and 0 <= jitter <= every");
      }
    }
  }

  /**
   * A Markov-modulated Poisson process within [from, to): in state i arrivals are Poisson at
   * {@code states[i].rate}; the state is held for an exponential time with mean
   * {@code states[i].meanHold}, then the next state is i + 1 (cyclically). The first state, at
   * {@code from}, is drawn from the stationary distribution, π(i) ∝ meanHold(i).
   */
  record Mmpp(String streamName, List<State> states, long fromNanos, long toNanos)
      implements TrafficSpec {

    public long windowStartNanos() {
      return fromNanos;
    }

    public long windowEndNanos() {
      return toNanos;
    }

    public Mmpp {
      states = List.copyOf(states);
      if (states.size() < 2 || states.stream().noneMatch(s -> s.ratePerSecond() > 0)) {
        throw new IllegalArgumentException("mmpp needs >= 2 states, at least one with a rate > 0");
      }
    }

    /** One state: its arrival rate (may be 0, an "off" state) and mean holding time. */
    public record State(double ratePerSecond, long meanHoldNanos) {

      public State {
        if (!(ratePerSecond >= 0) || meanHoldNanos <= 0) {
          throw new IllegalArgumentException("mmpp state needs rate >= 0 and meanHold > 0");
        }
      }
    }

    /** Returns the long-run arrival rate Σ π(i)·rate(i) with π(i) ∝ meanHold(i). */
    public double stationaryRatePerSecond() {
      double weighted = 0;
      double total = 0;
      for (State s : states) {
        weighted += s.ratePerSecond() * s.meanHoldNanos();
        total += s.meanHoldNanos();
      }
      return weighted / total;
    }
  }

  /**
   * A replayed trace file: its instants plus {@code offsetNanos} (or, with {@code offsetFirst},
   * minus the first instant), within [from, to).
   */
  record Trace(String streamName, TraceOptions options, long offsetNanos, boolean offsetFirst,
      long fromNanos, long toNanos) implements TrafficSpec {

    public long windowStartNanos() {
      return fromNanos;
    }

    public long windowEndNanos() {
      return toNanos;
    }
  }

  /**
   * Function {@code index} of a fleet ({@code fleet:}): its arrivals are the rows of the fleet's
   * trace that belong to its original id. The run reads an azure-2021 trace once for the whole
   * fleet and dispatches each row; an azure-2019 trace is replayed per function
   * ({@link FleetReplay#traceOf}).
   */
  record Fleet(String streamName, FleetReplay replay, int index) implements TrafficSpec {

    public long windowStartNanos() {
      return replay.fromNanos();
    }

    public long windowEndNanos() {
      return replay.toNanos();
    }
  }
}
