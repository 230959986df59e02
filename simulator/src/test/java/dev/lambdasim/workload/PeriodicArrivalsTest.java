package dev.lambdasim.workload;

import static dev.lambdasim.workload.Arrivals.MIN;
import static dev.lambdasim.workload.Arrivals.S;
import static dev.lambdasim.workload.Arrivals.all;
import static dev.lambdasim.workload.Arrivals.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.TrafficSpec;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * A timer ticks exactly at from + k·every within [from, to); with jitter, each arrival lies in
 * [tick, tick + jitter), arrivals keep tick order, and the delays are uniform (KS, p > 0.01).
 */
final class PeriodicArrivalsTest {

  @Test
  void withoutJitterTicksAreExact() {
    long[] t = all(of(new TrafficSpec.Periodic("periodic#0", 5 * MIN, 0, 7 * MIN, 60 * MIN), 1));
    assertThat(t).hasSize(11);
    for (int k = 0; k < t.length; k++) {
      assertThat(t[k]).isEqualTo(7 * MIN + k * 5 * MIN);
    }
  }

  @Test
  void tickAtToIsExcluded() {
    assertThat(all(of(new TrafficSpec.Periodic("periodic#0", MIN, 0, 0, 3 * MIN), 1)))
        .containsExactly(0, MIN, 2 * MIN);
  }

  @Test
  void jitteredArrivalsStayInTheirTickWindow() {
    long every = S;
    long jitter = S / 2;
    long[] t = all(of(new TrafficSpec.Periodic("periodic#0", every, jitter, 0, 10_000 * S), 2));
    assertThat(t).hasSize(10_000);
    double[] delays = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      long tick = k * every;
      assertThat(t[k]).isGreaterThanOrEqualTo(tick).isLessThan(tick + jitter);
      delays[k] = t[k] - tick;
    }
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new UniformRealDistribution(null, 0, jitter), delays);
    assertThat(p).isGreaterThan(0.01);
  }

  @Test
  void jitterAsLongAsThePeriodKeepsOrder() {
    // all() fails on a decreasing instant.
    long[] t = all(of(new TrafficSpec.Periodic("periodic#0", S, S, 0, 1000 * S), 3));
    assertThat(t).hasSize(1000);
  }

  @Test
  void jitterPastToDropsThatArrival() {
    long to = 10 * MIN + 5 * S;
    for (int seed = 0; seed < 50; seed++) {
      long[] t = all(of(new TrafficSpec.Periodic("periodic#0", 5 * MIN, 10 * S, 0, to), seed));
      assertThat(t.length).isBetween(2, 3);
      assertThat(t[t.length - 1]).isLessThan(to);
    }
  }
}
