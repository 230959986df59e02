package dev.lambdasim.random;

import static dev.lambdasim.random.ContinuousSamplerTest.draw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.spec.DistributionSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Constant, truncated normal, empirical and degenerate specs: constants are exact, the
 * truncated normal is never negative and has the analytic truncated mean, empirical resamples
 * only its values with equal frequency, and impossible parameters fail at construction.
 */
final class SimpleSamplerTest {

  private static final double MS = 1e6;

  @Test
  void constantIsExactAndRounded() {
    assertThat(draw(new DistributionSpec.Constant(1234.5), 100, 1)).containsOnly(1235L);
  }

  @Test
  void constantRejectsNegativeValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(new DistributionSpec.Constant(-1), new Well19937c(1)));
  }

  @Test
  void uniformWithEqualBoundsIsConstant() {
    assertThat(draw(new DistributionSpec.Uniform(7 * MS, 7 * MS), 100, 2))
        .containsOnly((long) (7 * MS));
  }

  @Test
  void truncatedNormalIsNeverNegative() {
    // Mean one standard deviation below 0: most raw draws are negative and must be redrawn.
    var spec = new DistributionSpec.Normal(/* meanNanos= */ -10 * MS, /* stddevNanos= */ 10 * MS);

    assertThat(Arrays.stream(draw(spec, 100_000, 3)).min().orElseThrow()).isNotNegative();
  }

  @Test
  void truncatedNormalHasTheTruncatedMean() {
    double mean = 10 * MS;
    double stddev = 10 * MS;
    var standard = new NormalDistribution(0, 1);
    double alpha = -mean / stddev;
    double expected = mean
        + stddev * standard.density(alpha) / (1 - standard.cumulativeProbability(alpha));

    double actual = Arrays.stream(draw(new DistributionSpec.Normal(mean, stddev), 200_000, 4))
        .average().orElseThrow();

    // The truncated standard deviation is about 8 ms, so the standard error is about 0.02 ms.
    assertThat(actual).isCloseTo(expected, within(0.01 * expected));
  }

  @Test
  void truncatedNormalFarBelowZeroFailsAtConstruction() {
    var spec = new DistributionSpec.Normal(/* meanNanos= */ -3 * MS, /* stddevNanos= */ 1 * MS);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(spec, new Well19937c(1)))
        .withMessageContaining("truncated at 0");
  }

  @Test
  void empiricalResamplesItsValuesUniformly() {
    var spec = new DistributionSpec.Empirical("observed.csv", List.of(1.0, 2.0, 3.0, 4.0));

    Map<Long, Long> counts = Arrays.stream(draw(spec, 40_000, 5)).boxed()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

    // Each value expects 10,000 draws with a standard deviation of about 87.
    assertThat(counts).containsOnlyKeys(1L, 2L, 3L, 4L);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_500L, 10_500L));
  }

  @Test
  void empiricalRejectsNoValues() {
    var spec = new DistributionSpec.Empirical("empty.csv", List.of());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(spec, new Well19937c(1)))
        .withMessageContaining("empty.csv");
  }

  @Test
  void nonPositiveParametersFailAtConstruction() {
    var rng = new Well19937c(1);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(new DistributionSpec.Exponential(0), rng));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(new DistributionSpec.Gamma(-1, 1), rng));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DurationSampler.of(new DistributionSpec.Uniform(-1, 1), rng));
  }
}
