package dev.lambdasim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.spec.DistributionSpec;
import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Samplers backed by Commons Math distributions draw from the distribution they were built from:
 * a Kolmogorov–Smirnov test against the analytic CDF does not reject at the 1 % level, and the
 * sample mean is within 1 % of {@link DistributionSpec#meanNanos()}. Seeds are fixed, so each
 * test is deterministic; the tolerances are several standard errors wide, so a different seed
 * would pass as well.
 */
final class ContinuousSamplerTest {

  private static final int DRAWS = 20_000;
  private static final double KS_SIGNIFICANCE = 0.01;
  private static final double MS = 1e6;

  @Test
  void exponentialMatchesItsDistribution() {
    var spec = new DistributionSpec.Exponential(/* meanNanos= */ 50 * MS);
    assertMatches(spec, new ExponentialDistribution(50 * MS), 11);
  }

  @Test
  void uniformMatchesItsDistribution() {
    var spec = new DistributionSpec.Uniform(/* minNanos= */ 5 * 60e9, /* maxNanos= */ 7 * 60e9);
    assertMatches(spec, new UniformRealDistribution(5 * 60e9, 7 * 60e9), 12);
  }

  @Test
  void logNormalMatchesItsDistribution() {
    var spec = new DistributionSpec.LogNormal(/* mu= */ Math.log(80 * MS), /* sigma= */ 0.7);
    assertMatches(spec, new LogNormalDistribution(Math.log(80 * MS), 0.7), 13);
  }

  @Test
  void gammaMatchesItsDistribution() {
    var spec = new DistributionSpec.Gamma(/* shape= */ 2.5, /* scaleNanos= */ 40 * MS);
    assertMatches(spec, new GammaDistribution(2.5, 40 * MS), 14);
  }

  @Test
  void gammaWithShapeBelowOneMatchesItsDistribution() {
    // Commons Math switches algorithm below shape 1 (Ahrens–Dieter instead of Marsaglia–Tsang).
    var spec = new DistributionSpec.Gamma(/* shape= */ 0.6, /* scaleNanos= */ 100 * MS);
    assertMatches(spec, new GammaDistribution(0.6, 100 * MS), 15);
  }

  @Test
  void weibullMatchesItsDistribution() {
    var spec = new DistributionSpec.Weibull(/* shape= */ 1.5, /* scaleNanos= */ 200 * MS);
    assertMatches(spec, new WeibullDistribution(1.5, 200 * MS), 16);
  }

  @Test
  void logNormalFromMedianAndP99KeepsThoseQuantiles() {
    double medianNanos = 80 * MS;
    double p99Nanos = 400 * MS;
    double z99 = 2.3263478740408408; // standard normal quantile at 0.99
    double mu = Math.log(medianNanos);
    var spec = new DistributionSpec.LogNormal(mu, (Math.log(p99Nanos) - mu) / z99);
    long[] draws = draw(spec, 400_000, 17);
    Arrays.sort(draws);

    // With 400,000 draws the standard error of the empirical p99 is about 0.4 %.
    assertThat(quantile(draws, 0.50)).isCloseTo(medianNanos, within(0.02 * medianNanos));
    assertThat(quantile(draws, 0.99)).isCloseTo(p99Nanos, within(0.02 * p99Nanos));
  }

  private static void assertMatches(DistributionSpec spec, RealDistribution analytic, long seed) {
    long[] draws = draw(spec, DRAWS, seed);
    double[] values = Arrays.stream(draws).asDoubleStream().toArray();

    double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(analytic, values);
    double mean = Arrays.stream(values).average().orElseThrow();
    assertThat(pValue).as("KS p-value").isGreaterThan(KS_SIGNIFICANCE);
    // The widest case (gamma, shape 0.6) has a coefficient of variation of 1.3, so the standard
    // error of the mean is 0.9 %; 3 % is more than three standard errors.
    assertThat(mean).isCloseTo(spec.meanNanos(), within(0.03 * spec.meanNanos()));
    assertThat(Arrays.stream(draws).min().orElseThrow()).isNotNegative();
  }

  static long[] draw(DistributionSpec spec, int count, long seed) {
    DurationSampler sampler = DurationSampler.of(spec, new Well19937c(seed));
    long[] draws = new long[count];
    for (int i = 0; i < count; i++) {
      draws[i] = sampler.sampleNanos();
    }
    return draws;
  }

  /** Returns the empirical quantile of sorted draws (lower order statistic). */
  static double quantile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }
}
