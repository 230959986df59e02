package dev.lambdasim.workload;

import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.scenario.TrafficSpec;

/** Builds the arrival process of a traffic source, each with its own random stream. */
public final class ArrivalProcesses {

  private ArrivalProcesses() {}

  /**
   * Returns the process for {@code source} of {@code functionName}. Its stream is named
   * {@code traffic/<function>/<source stream name>}, so it is independent of other sources.
   */
  public static ArrivalProcess of(TrafficSpec source, String functionName, RandomStreams streams) {
    String streamName = "traffic/" + functionName + "/" + source.streamName();
    if (source instanceof TrafficSpec.Poisson p) {
      return new PoissonArrivals(streams.stream(streamName), p.ratePerSecond(), p.fromNanos(),
          p.toNanos());
    }
    if (source instanceof TrafficSpec.Constant c) {
      return new ConstantArrivals(c.ratePerSecond(), c.fromNanos(), c.toNanos());
    }
    if (source instanceof TrafficSpec.Burst b) {
      return new BurstArrivals(b.atNanos(), b.count());
    }
    throw new IllegalArgumentException("unknown traffic source " + source);
  }
}
