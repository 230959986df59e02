package dev.lambdasim.workload;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Poisson process with rate mean·(1 + amplitude·cos(2π(t − peakAt)/period)) within [from, to),
 * t measured from the start of the run. Exact, by thinning against mean·(1 + amplitude).
 */
public final class DiurnalArrivals extends ThinnedArrivals {

  private final double meanRatePerSecond;
  private final double amplitude;
  private final long periodNanos;
  private final long peakAtNanos;

  public DiurnalArrivals(RandomGenerator random, double meanRatePerSecond, double amplitude,
      long periodNanos, long peakAtNanos, long fromNanos, long toNanos) {
    super(random, meanRatePerSecond * (1 + amplitude), fromNanos, toNanos);
    if (!(amplitude >= 0 && amplitude <= 1) || periodNanos <= 0) {
      throw new IllegalArgumentException("diurnal needs amplitude in 0..1 and period > 0");
    }
    this.meanRatePerSecond = meanRatePerSecond;
    this.amplitude = amplitude;
    this.periodNanos = periodNanos;
    this.peakAtNanos = peakAtNanos;
  }

  @Override
  double ratePerSecondAt(double nanos) {
    // The phase is reduced modulo the period first, so it stays precise over long horizons.
    double phase = (nanos - peakAtNanos) % periodNanos / periodNanos;
    return meanRatePerSecond * (1 + amplitude * Math.cos(2 * Math.PI * phase));
  }
}
