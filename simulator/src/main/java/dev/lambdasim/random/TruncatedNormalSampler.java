package dev.lambdasim.random;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A normal distribution truncated at 0 by redrawing negative values.
 *
 * <p>Redrawing keeps the shape of the normal above 0 exactly. Its cost grows as the acceptance
 * probability P(X >= 0) falls, so construction rejects parameters whose acceptance is below
 * {@link #MIN_ACCEPTANCE} (a mean below about -2.33 standard deviations): such a spec almost
 * certainly has a unit mistake, and a time with that shape is better described by another
 * distribution. With acceptance at least 1 %, {@link #MAX_DRAWS} failures in a row happen with
 * probability below 0.99^4096, about 1e-18, so the bound never triggers in practice; it only
 * turns a would-be endless loop into a loud failure.
 */
final class TruncatedNormalSampler implements DurationSampler {

  static final double MIN_ACCEPTANCE = 0.01;
  static final int MAX_DRAWS = 4096;

  private final NormalDistribution normal;

  TruncatedNormalSampler(double meanNanos, double stddevNanos, RandomGenerator rng) {
    if (!Double.isFinite(meanNanos) || !(stddevNanos > 0) || Double.isInfinite(stddevNanos)) {
      throw new IllegalArgumentException("normal needs a finite mean and a finite stddev > 0, got"
          + " mean=" + meanNanos + " ns, stddev=" + stddevNanos + " ns");
    }
    this.normal = new NormalDistribution(rng, meanNanos, stddevNanos);
    double acceptance = 1 - normal.cumulativeProbability(0);
    if (acceptance < MIN_ACCEPTANCE) {
      throw new IllegalArgumentException("normal truncated at 0 with mean=" + meanNanos
          + " ns and stddev=" + stddevNanos + " ns keeps only " + acceptance
          + " of its mass; the mean must be at least about -2.33 stddev (acceptance >= "
          + MIN_ACCEPTANCE + ")");
    }
  }

  @Override
  public long sampleNanos() {
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      double value = normal.sample();
      if (value >= 0) {
        return Nanos.round(value);
      }
    }
    throw new IllegalStateException("truncated normal drew " + MAX_DRAWS
        + " negative values in a row; mean=" + normal.getMean() + " ns, stddev="
        + normal.getStandardDeviation() + " ns");
  }

  @Override
  public String toString() {
    return "normal(mean=" + normal.getMean() + " ns, stddev=" + normal.getStandardDeviation()
        + " ns, truncated at 0)";
  }
}
