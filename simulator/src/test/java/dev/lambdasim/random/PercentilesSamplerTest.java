package dev.lambdasim.random;

import static dev.lambdasim.random.ContinuousSamplerTest.draw;
import static dev.lambdasim.random.ContinuousSamplerTest.quantile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.spec.DistributionSpec;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The percentiles sampler is the piecewise-linear inverse CDF through its points: empirical
 * quantiles at the given probabilities reproduce the given values, the sample mean is the
 * trapezoid mean of {@link DistributionSpec.Percentiles#meanNanos()}, draws stay inside
 * [p0, p100], and malformed points fail at construction.
 */
final class PercentilesSamplerTest {

  private static final double MS = 1e6;

  /** Azure 2019 style: p0, p1, p25, p50, p75, p99, p100. */
  private static final DistributionSpec.Percentiles AZURE_LIKE = new DistributionSpec.Percentiles(
      List.of(0.0, 0.01, 0.25, 0.50, 0.75, 0.99, 1.0),
      List.of(10 * MS, 20 * MS, 50 * MS, 80 * MS, 120 * MS, 400 * MS, 1000 * MS));

  @Test
  void reproducesItsPoints() {
    long[] draws = draw(AZURE_LIKE, 200_000, 21);
    Arrays.sort(draws);

    assertThat(quantile(draws, 0.25)).isCloseTo(50 * MS, within(0.02 * 50 * MS));
    assertThat(quantile(draws, 0.50)).isCloseTo(80 * MS, within(0.02 * 80 * MS));
    assertThat(quantile(draws, 0.75)).isCloseTo(120 * MS, within(0.02 * 120 * MS));
  }

  @Test
  void meanMatchesTheTrapezoidMean() {
    double mean = Arrays.stream(draw(AZURE_LIKE, 200_000, 22)).average().orElseThrow();

    // Standard deviation is about 90 ms, so the standard error is about 0.2 ms (0.2 %).
    assertThat(mean).isCloseTo(AZURE_LIKE.meanNanos(), within(0.01 * AZURE_LIKE.meanNanos()));
  }

  @Test
  void staysWithinTheExtremes() {
    long[] draws = draw(AZURE_LIKE, 100_000, 23);

    assertThat(Arrays.stream(draws).min().orElseThrow()).isGreaterThanOrEqualTo((long) (10 * MS));
    assertThat(Arrays.stream(draws).max().orElseThrow()).isLessThanOrEqualTo((long) (1000 * MS));
  }

  @Test
  void equalProbabilitiesLeaveAGap() {
    // Half the mass on [0, 1] ms, half on [9, 10] ms, nothing in between.
    var gapped = new DistributionSpec.Percentiles(
        List.of(0.0, 0.5, 0.5, 1.0), List.of(0.0, 1 * MS, 9 * MS, 10 * MS));

    assertThat(Arrays.stream(draw(gapped, 10_000, 24)).filter(d -> d > 1 * MS && d < 9 * MS))
        .isEmpty();
  }

  @Test
  void rejectsProbabilitiesNotFromZeroToOne() {
    var spec = new DistributionSpec.Percentiles(List.of(0.01, 1.0), List.of(1.0, 2.0));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(spec, new Well19937c(1)))
        .withMessageContaining("from 0 to 1");
  }

  @Test
  void rejectsDecreasingValues() {
    var spec = new DistributionSpec.Percentiles(List.of(0.0, 0.5, 1.0), List.of(1.0, 3.0, 2.0));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(spec, new Well19937c(1)))
        .withMessageContaining("values must not decrease");
  }
}
