package dev.lambdasim.random;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Weibull by inversion: scale * (-ln(1 - u))^(1 / shape).
 *
 * <p>This is the same inversion that Commons Math's {@code WeibullDistribution.sample()} performs,
 * but with {@link Math#pow}: Commons Math 3.6.1's {@code FastMath.pow} allocates about 64 bytes
 * per call, which the allocation test caught on the hot path.
 */
final class WeibullSampler implements DurationSampler {

  private final double scaleNanos;
  private final double inverseShape;
  private final RandomGenerator rng;

  WeibullSampler(double shape, double scaleNanos, RandomGenerator rng) {
    if (!(shape > 0) || !(scaleNanos > 0) || Double.isInfinite(shape)
        || Double.isInfinite(scaleNanos)) {
      throw new IllegalArgumentException("weibull needs finite shape > 0 and scale > 0, got shape="
          + shape + ", scale=" + scaleNanos + " ns");
    }
    this.scaleNanos = scaleNanos;
    this.inverseShape = 1 / shape;
    this.rng = rng;
  }

  @Override
  public long sampleNanos() {
    return Nanos.round(scaleNanos * Math.pow(-Math.log1p(-rng.nextDouble()), inverseShape));
  }

  @Override
  public String toString() {
    return "weibull(shape=" + 1 / inverseShape + ", scale=" + scaleNanos + " ns)";
  }
}
