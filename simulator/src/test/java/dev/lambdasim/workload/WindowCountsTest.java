package dev.lambdasim.workload;

import static dev.lambdasim.workload.Arrivals.H;
import static dev.lambdasim.workload.Arrivals.MIN;
import static dev.lambdasim.workload.Arrivals.OPEN;
import static dev.lambdasim.workload.Arrivals.all;
import static dev.lambdasim.workload.Arrivals.counts;
import static dev.lambdasim.workload.Arrivals.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.TrafficSpec;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Counts per window follow the integrated rate. The counts of disjoint windows of a Poisson
 * process are independent Poisson(E[i]) with E[i] = ∫ λ over the window, so with every E[i] in the
 * thousands Σ (O[i] − E[i])² / E[i] is chi-square with k degrees of freedom (k, not k − 1: nothing
 * is fitted, so the total is tested too). Criterion: p > 0.01, fixed seeds. Single counts use the
 * z-bound |O − E| ≤ 4·√E.
 */
final class WindowCountsTest {

  private static double pChiSquare(long[] observed, double[] expected) {
    double statistic = 0;
    for (int i = 0; i < observed.length; i++) {
      double d = observed[i] - expected[i];
      statistic += d * d / expected[i];
    }
    return 1 - new ChiSquaredDistribution(null, observed.length).cumulativeProbability(statistic);
  }

  private static double[] expected(DoubleUnaryOperator integrated, long fromNanos, long widthNanos, int windows) {
    double[] e = new double[windows];
    for (int i = 0; i < windows; i++) {
      e[i] = integrated.applyAsDouble(fromNanos + (i + 1) * widthNanos)
          - integrated.applyAsDouble(fromNanos + i * widthNanos);
    }
    return e;
  }

  @Test
  void rampCountsFollowTheIntegratedRate() {
    // The example of docs/scenario-format.md: 1/s at 10m rising to 200/s at 40m, nothing outside.
    long start = 10 * MIN;
    long end = 40 * MIN;
    long[] t = all(of(new TrafficSpec.Ramp("ramp#0", 1, 200, start, end), 11));
    DoubleUnaryOperator integrated = nanos -> {
      double x = (nanos - start) / 1e9;
      return x + 199 / 1800.0 * x * x / 2;
    };
    assertThat(t[0]).isGreaterThanOrEqualTo(start);
    assertThat(t[t.length - 1]).isLessThan(end);
    long[] perMinute = counts(t, start, MIN, 30);
    assertThat(pChiSquare(perMinute, expected(integrated, start, MIN, 30))).isGreaterThan(0.01);
  }

  @Test
  void diurnalCountsFollowTheIntegratedRate() {
    long[] perHour = counts(of(diurnalExample(), 12), 0, H, 24);
    assertThat(pChiSquare(perHour, expected(WindowCountsTest::diurnalIntegrated, 0, H, 24))).isGreaterThan(0.01);
  }

  @Test
  void diurnalBusiestHourIsAtThePeak() {
    // peakAt 14h lies between the hours [13h, 14h) and [14h, 15h), whose expectations are equal;
    // criterion: the busiest hour's centre is within one window (1 h) of 14h. The next hours out
    // expect about 7,300 fewer arrivals, 9.6 standard deviations of the difference.
    long[] perHour = counts(of(diurnalExample(), 13), 0, H, 24);
    int busiest = 0;
    for (int i = 1; i < perHour.length; i++) {
      busiest = perHour[i] > perHour[busiest] ? i : busiest;
    }
    assertThat(Math.abs((busiest + 0.5) - 14)).isLessThanOrEqualTo(1);
  }

  @Test
  void spikeCountMatchesRateTimesLength() {
    // 800/s for 2m from 30m: E = 96,000, all inside [30m, 32m).
    long[] t = all(of(new TrafficSpec.Spike("spike#0", 30 * MIN, 800, 2 * MIN, 0, OPEN), 14));
    double expected = 800 * 120;
    assertThat(Math.abs(t.length - expected)).isLessThanOrEqualTo(4 * Math.sqrt(expected));
    assertThat(t[0]).isGreaterThanOrEqualTo(30 * MIN);
    assertThat(t[t.length - 1]).isLessThan(32 * MIN);
  }

  /** The example of docs/scenario-format.md: mean 50/s, amplitude 0.6, period 1d, peak at 14h. */
  private static TrafficSpec diurnalExample() {
    return new TrafficSpec.Diurnal("diurnal#0", 50, 0.6, 24 * H, 14 * H, 0, OPEN);
  }

  private static double diurnalIntegrated(double nanos) {
    double x = nanos / 1e9;
    double period = 86_400;
    return 50 * (x + 0.6 * period / (2 * Math.PI) * Math.sin(2 * Math.PI * (x - 14 * 3600) / period));
  }
}
