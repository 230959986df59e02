package dev.lambdasim.random;

import dev.lambdasim.spec.DistributionSpec;
import java.util.Objects;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws time values, in whole nanoseconds, from one distribution and one random stream.
 *
 * <p>Draws come from Commons Math distributions built on the given generator, except where
 * Commons Math has none (percentiles, empirical; the normal's truncation is done here) or where
 * its sampling allocates (gamma with shape below 1, Weibull). Every draw is rounded to the
 * nearest nanosecond and is never negative. Implementations do not allocate per draw, because
 * the engine samples millions of durations per second. They are not thread-safe: like their
 * {@link RandomGenerator}, each belongs to one simulation run.
 */
public interface DurationSampler {

  /** Returns the next draw in nanoseconds, {@code >= 0}. */
  long sampleNanos();

  /**
   * Returns a sampler of {@code spec} that draws from {@code rng}.
   *
   * @throws IllegalArgumentException if the parameters cannot describe a non-negative time
   */
  static DurationSampler of(DistributionSpec spec, RandomGenerator rng) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(rng, "rng");
    if (spec instanceof DistributionSpec.Constant constant) {
      return new ConstantSampler(constant.valueNanos());
    } else if (spec instanceof DistributionSpec.Exponential exponential) {
      return new ContinuousSampler(new ExponentialDistribution(rng, exponential.meanNanos()));
    } else if (spec instanceof DistributionSpec.Uniform uniform) {
      return uniform(uniform, rng);
    } else if (spec instanceof DistributionSpec.Normal normal) {
      return normal.stddevNanos() == 0
          ? new ConstantSampler(normal.meanNanos())
          : new TruncatedNormalSampler(normal.meanNanos(), normal.stddevNanos(), rng);
    } else if (spec instanceof DistributionSpec.LogNormal logNormal) {
      return new LogNormalSampler(logNormal.mu(), logNormal.sigma(), rng);
    } else if (spec instanceof DistributionSpec.Gamma gamma) {
      // Commons Math's own path for shape < 1 allocates per draw; see SmallShapeGammaSampler.
      return gamma.shape() > 0 && gamma.shape() < 1
          ? new SmallShapeGammaSampler(gamma.shape(), gamma.scaleNanos(), rng)
          : new ContinuousSampler(new GammaDistribution(rng, gamma.shape(), gamma.scaleNanos()));
    } else if (spec instanceof DistributionSpec.Weibull weibull) {
      return new WeibullSampler(weibull.shape(), weibull.scaleNanos(), rng);
    } else if (spec instanceof DistributionSpec.Percentiles percentiles) {
      return new PercentilesSampler(percentiles.probabilities(), percentiles.valuesNanos(), rng);
    } else if (spec instanceof DistributionSpec.Empirical empirical) {
      return new EmpiricalSampler(empirical.file(), empirical.valuesNanos(), rng);
    }
    // Unreachable while DistributionSpec is sealed and every permitted record is handled above.
    throw new IllegalArgumentException("Unsupported distribution: " + spec);
  }

  private static DurationSampler uniform(DistributionSpec.Uniform uniform, RandomGenerator rng) {
    if (!(uniform.minNanos() >= 0) || !(uniform.maxNanos() >= uniform.minNanos())
        || Double.isInfinite(uniform.maxNanos())) {
      throw new IllegalArgumentException("uniform needs 0 <= min <= max < infinity, got min="
          + uniform.minNanos() + " ns, max=" + uniform.maxNanos() + " ns");
    }
    // Commons Math rejects min == max, which is a legitimate degenerate case here.
    return uniform.minNanos() == uniform.maxNanos()
        ? new ConstantSampler(uniform.minNanos())
        : new ContinuousSampler(
            new UniformRealDistribution(rng, uniform.minNanos(), uniform.maxNanos()));
  }
}
