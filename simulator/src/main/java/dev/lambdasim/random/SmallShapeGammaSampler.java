package dev.lambdasim.random;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Gamma with shape below 1, drawn as Gamma(shape + 1) * u^(1 / shape) (Marsaglia and Tsang,
 * 2000), which is exact.
 *
 * <p>Commons Math 3.6.1 samples shape below 1 with Ahrens–Dieter, whose {@code FastMath.pow}
 * calls allocate about 230 bytes per draw. Its shape-at-least-1 path (Marsaglia–Tsang) does not
 * allocate, so this sampler uses that path and applies the boost with {@link Math#pow}.
 */
final class SmallShapeGammaSampler implements DurationSampler {

  private final GammaDistribution boosted;
  private final double inverseShape;
  private final RandomGenerator rng;

  SmallShapeGammaSampler(double shape, double scaleNanos, RandomGenerator rng) {
    if (!(shape > 0 && shape < 1)) {
      throw new IllegalArgumentException("expected a gamma shape in (0, 1), got " + shape);
    }
    this.boosted = new GammaDistribution(rng, shape + 1, scaleNanos);
    this.inverseShape = 1 / shape;
    this.rng = rng;
  }

  @Override
  public long sampleNanos() {
    return Nanos.round(boosted.sample() * Math.pow(rng.nextDouble(), inverseShape));
  }

  @Override
  public String toString() {
    return "gamma(shape=" + 1 / inverseShape + ", scale=" + boosted.getScale() + " ns)";
  }
}
