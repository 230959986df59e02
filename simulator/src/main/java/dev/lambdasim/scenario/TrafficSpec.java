package dev.lambdasim.scenario;

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

  String streamName();

  /** Poisson process (exponential inter-arrival times). */
  record Poisson(String streamName, double ratePerSecond, long fromNanos, long toNanos)
      implements TrafficSpec {}

  /** Evenly spaced arrivals, the first at {@code fromNanos}. */
  record Constant(String streamName, double ratePerSecond, long fromNanos, long toNanos)
      implements TrafficSpec {}

  /** {@code count} arrivals all at the same instant. */
  record Burst(String streamName, long atNanos, long count) implements TrafficSpec {}
}
