package dev.lambdasim.workload;

import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.TrafficSpec;

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
    if (source instanceof TrafficSpec.Ramp r) {
      return new RampArrivals(streams.stream(streamName), r.fromRatePerSecond(),
          r.toRatePerSecond(), r.startNanos(), r.endNanos());
    }
    if (source instanceof TrafficSpec.Spike s) {
      return new PoissonArrivals(streams.stream(streamName), s.ratePerSecond(), s.startNanos(),
          s.endNanos());
    }
    if (source instanceof TrafficSpec.Diurnal d) {
      return new DiurnalArrivals(streams.stream(streamName), d.meanRatePerSecond(), d.amplitude(),
          d.periodNanos(), d.peakAtNanos(), d.fromNanos(), d.toNanos());
    }
    if (source instanceof TrafficSpec.Periodic p) {
      return new PeriodicArrivals(streams.stream(streamName), p.everyNanos(), p.jitterNanos(),
          p.fromNanos(), p.toNanos());
    }
    if (source instanceof TrafficSpec.Mmpp m) {
      double[] rates = new double[m.states().size()];
      double[] holds = new double[rates.length];
      for (int i = 0; i < rates.length; i++) {
        rates[i] = m.states().get(i).ratePerSecond();
        holds[i] = m.states().get(i).meanHoldNanos();
      }
      return new MmppArrivals(streams.stream(streamName), rates, holds, m.fromNanos(), m.toNanos());
    }
    if (source instanceof TrafficSpec.Trace t) {
      return new TraceArrivals(t.options(), streams.stream(streamName), t.offsetNanos(),
          t.offsetFirst(), t.fromNanos(), t.toNanos());
    }
    if (source instanceof TrafficSpec.Fleet f) {
      // One function of a fleet on its own: a pass over the trace for it alone. (The run reads
      // an azure-2021 fleet's trace once for all its functions instead.)
      return of(f.replay().traceOf(f.index()), functionName, streams);
    }
    throw new IllegalArgumentException("unknown traffic source " + source);
  }
}
