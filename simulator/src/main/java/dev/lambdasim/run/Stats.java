package dev.lambdasim.run;

import dev.lambdasim.metrics.LatencyHistogram;

/** Summary statistics of a distribution of times, in milliseconds (NaN when nothing was seen). */
public record Stats(double mean, double p50, double p90, double p99, double max) {

  public static Stats of(LatencyHistogram histogram) {
    return new Stats(histogram.meanMs(), histogram.percentileMs(50), histogram.percentileMs(90),
        histogram.percentileMs(99), histogram.maxMs());
  }
}
