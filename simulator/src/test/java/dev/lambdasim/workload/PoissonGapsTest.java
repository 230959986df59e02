package dev.lambdasim.workload;

import static dev.lambdasim.workload.Arrivals.H;
import static dev.lambdasim.workload.Arrivals.MIN;
import static dev.lambdasim.workload.Arrivals.OPEN;
import static dev.lambdasim.workload.Arrivals.S;
import static dev.lambdasim.workload.Arrivals.all;
import static dev.lambdasim.workload.Arrivals.gapsSeconds;
import static dev.lambdasim.workload.Arrivals.of;
import static dev.lambdasim.workload.Arrivals.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.TrafficSpec;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Every Poisson-type source is a Poisson process with the intended rate, tested by
 * Kolmogorov–Smirnov (fixed seeds; criterion p > 0.01): homogeneous ones on their inter-arrival
 * times against the exponential of mean 1/rate; time-varying ones (ramp, diurnal) on their
 * time-rescaled gaps Λ(t[i]) − Λ(t[i−1]), which are exponential of mean 1 if and only if the
 * process is exactly Poisson with intensity λ(t) (the time-rescaling theorem; a per-second
 * approximation of λ would not be exact). Λ is integrated here in closed form, independently of
 * the code under test.
 */
final class PoissonGapsTest {

  private static final double P_MIN = 0.01;

  private static double pExponential(double[] samples, double mean) {
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new ExponentialDistribution(null, mean), samples);
  }

  @Test
  void poissonGapsAreExponential() {
    long[] t = until(of(new TrafficSpec.Poisson("poisson#0", 20, 0, OPEN), 3), 1000 * S);
    assertThat(pExponential(gapsSeconds(t), 1 / 20.0)).isGreaterThan(P_MIN);
  }

  @Test
  void spikeGapsAreExponential() {
    long[] t = all(of(new TrafficSpec.Spike("spike#0", 30 * MIN, 800, 30 * S, 0, OPEN), 4));
    assertThat(t.length).isGreaterThan(20_000);
    assertThat(pExponential(gapsSeconds(t), 1 / 800.0)).isGreaterThan(P_MIN);
  }

  @Test
  void mmppWithEqualRatesIsPoisson() {
    // Frequent state switches (mean holds 1 s and 2 s) must not distort the gaps: a gap that
    // overshoots a switch is redrawn from the switch, which is exact only by memorylessness.
    var states = List.of(new TrafficSpec.Mmpp.State(20, S), new TrafficSpec.Mmpp.State(20, 2 * S));
    long[] t = until(of(new TrafficSpec.Mmpp("mmpp#0", states, 0, OPEN), 5), 1000 * S);
    assertThat(pExponential(gapsSeconds(t), 1 / 20.0)).isGreaterThan(P_MIN);
  }

  @Test
  void rampRescaledGapsAreUnitExponential() {
    double r0 = 1;
    double r1 = 200;
    long start = 10 * MIN;
    long end = 40 * MIN;
    long[] t = all(of(new TrafficSpec.Ramp("ramp#0", r0, r1, start, end), 6));
    double width = (end - start) / 1e9;
    DoubleUnaryOperator integrated = nanos -> {
      double x = (nanos - start) / 1e9;
      return r0 * x + (r1 - r0) / width * x * x / 2;
    };
    assertThat(pExponential(rescaledGaps(t, integrated), 1)).isGreaterThan(P_MIN);
  }

  @Test
  void rampDownRescaledGapsAreUnitExponential() {
    long[] t = all(of(new TrafficSpec.Ramp("ramp#0", 100, 0, 0, 10 * MIN), 7));
    DoubleUnaryOperator integrated = nanos -> {
      double x = nanos / 1e9;
      return 100 * x - 100 / 600.0 * x * x / 2;
    };
    assertThat(pExponential(rescaledGaps(t, integrated), 1)).isGreaterThan(P_MIN);
  }

  @Test
  void diurnalRescaledGapsAreUnitExponential() {
    double mean = 5;
    double amplitude = 0.9;
    double period = 2 * H / 1e9;
    double peak = 30 * MIN / 1e9;
    long[] t = until(of(new TrafficSpec.Diurnal("diurnal#0", mean, amplitude, 2 * H, 30 * MIN, 0, OPEN), 8),
        8 * H);
    DoubleUnaryOperator integrated = nanos -> {
      double x = nanos / 1e9;
      return mean * (x + amplitude * period / (2 * Math.PI) * Math.sin(2 * Math.PI * (x - peak) / period));
    };
    assertThat(pExponential(rescaledGaps(t, integrated), 1)).isGreaterThan(P_MIN);
  }

  private static double[] rescaledGaps(long[] instants, DoubleUnaryOperator integrated) {
    double[] gaps = new double[instants.length - 1];
    double previous = integrated.applyAsDouble(instants[0]);
    for (int i = 1; i < instants.length; i++) {
      double now = integrated.applyAsDouble(instants[i]);
      gaps[i - 1] = now - previous;
      previous = now;
    }
    return gaps;
  }
}
