package dev.lambdasim.spec;

import java.util.List;

/**
 * A distribution of a time value, with every time parameter already in nanoseconds.
 *
 * <p>Scenario files write these as {@code {dist: lognormal, median: 80ms, p99: 400ms}}; the
 * loader converts the units. Samplers live in {@code dev.lambdasim.random}.
 */
public sealed interface DistributionSpec {

  /** Returns the mean in nanoseconds, for documentation and analytic checks. */
  double meanNanos();

  /** Always {@code valueNanos}. */
  record Constant(double valueNanos) implements DistributionSpec {
    public double meanNanos() {
      return valueNanos;
    }
  }

  record Exponential(double meanNanos) implements DistributionSpec {}

  record Uniform(double minNanos, double maxNanos) implements DistributionSpec {
    public double meanNanos() {
      return (minNanos + maxNanos) / 2;
    }
  }

  /** Normal, truncated at 0 (negative draws are redrawn). */
  record Normal(double meanNanos, double stddevNanos) implements DistributionSpec {}

  /**
   * Lognormal with {@code ln X ~ N(mu, sigma)}, X in nanoseconds. Files may give it as
   * {@code {median, p99}}; the loader converts: mu = ln(median), sigma = (ln(p99) - mu) / z(0.99).
   */
  record LogNormal(double mu, double sigma) implements DistributionSpec {

    /** The standard normal quantile at 0.99: a lognormal's p99 is exp(mu + Z_99·sigma). */
    public static final double Z_99 = 2.3263478740408408;

    /** Returns the lognormal with this median and 99th percentile (nanoseconds, p99 > median). */
    public static LogNormal ofMedianAndP99(double medianNanos, double p99Nanos) {
      double mu = Math.log(medianNanos);
      return new LogNormal(mu, (Math.log(p99Nanos) - mu) / Z_99);
    }

    public double meanNanos() {
      return Math.exp(mu + sigma * sigma / 2);
    }
  }

  /** Gamma with dimensionless shape and a scale in nanoseconds. */
  record Gamma(double shape, double scaleNanos) implements DistributionSpec {
    public double meanNanos() {
      return shape * scaleNanos;
    }
  }

  /** Weibull with dimensionless shape and a scale in nanoseconds. */
  record Weibull(double shape, double scaleNanos) implements DistributionSpec {
    public double meanNanos() {
      return scaleNanos * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
    }
  }

  /**
   * Piecewise-linear inverse CDF through (p, value) points; the Azure 2019 trace gives exactly
   * p0, p1, p25, p50, p75, p99, p100. {@code probabilities} ascend from 0 to 1.
   */
  record Percentiles(List<Double> probabilities, List<Double> valuesNanos) implements DistributionSpec {
    public Percentiles {
      probabilities = List.copyOf(probabilities);
      valuesNanos = List.copyOf(valuesNanos);
    }

    public double meanNanos() {
      double mean = 0;
      for (int i = 1; i < probabilities.size(); i++) {
        double dp = probabilities.get(i) - probabilities.get(i - 1);
        mean += dp * (valuesNanos.get(i) + valuesNanos.get(i - 1)) / 2;
      }
      return mean;
    }
  }

  /** Resampling of observed values (uniformly, with replacement), loaded from a file. */
  record Empirical(String file, List<Double> valuesNanos) implements DistributionSpec {
    public Empirical {
      valuesNanos = List.copyOf(valuesNanos);
    }

    public double meanNanos() {
      return valuesNanos.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
  }
}
