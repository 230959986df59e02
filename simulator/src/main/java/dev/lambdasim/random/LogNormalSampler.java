package dev.lambdasim.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Lognormal draws as exp(mu + sigma·Z). Same method as Commons Math's
 * {@code LogNormalDistribution.sample()}, but with the JDK's intrinsic {@code Math.exp}: the
 * benchmark's profile showed FastMath.exp among the top costs per invocation.
 */
final class LogNormalSampler implements DurationSampler {

  private final double mu;
  private final double sigma;
  private final RandomGenerator rng;

  LogNormalSampler(double mu, double sigma, RandomGenerator rng) {
    if (!(sigma >= 0) || Double.isInfinite(sigma) || Double.isNaN(mu)) {
      throw new IllegalArgumentException("lognormal needs a finite mu and sigma >= 0, got mu="
          + mu + ", sigma=" + sigma);
    }
    this.mu = mu;
    this.sigma = sigma;
    this.rng = rng;
  }

  @Override
  public long sampleNanos() {
    return Nanos.round(Math.exp(mu + sigma * rng.nextGaussian()));
  }

  @Override
  public String toString() {
    return "LogNormal(mu=" + mu + ", sigma=" + sigma + ")";
  }
}
