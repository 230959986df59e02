package dev.lambdasim.random;

import org.apache.commons.math3.distribution.RealDistribution;

/**
 * A Commons Math distribution whose support is non-negative (exponential, uniform, lognormal,
 * gamma with shape at least 1). Their {@code sample()} methods draw straight from the injected
 * generator without allocating.
 */
final class ContinuousSampler implements DurationSampler {

  private final RealDistribution distribution;

  ContinuousSampler(RealDistribution distribution) {
    this.distribution = distribution;
  }

  @Override
  public long sampleNanos() {
    return Nanos.round(distribution.sample());
  }

  @Override
  public String toString() {
    return distribution.getClass().getSimpleName() + "(mean=" + distribution.getNumericalMean()
        + " ns)";
  }
}
