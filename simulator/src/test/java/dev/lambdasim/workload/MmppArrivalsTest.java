package dev.lambdasim.workload;

import static dev.lambdasim.workload.Arrivals.H;
import static dev.lambdasim.workload.Arrivals.MIN;
import static dev.lambdasim.workload.Arrivals.OPEN;
import static dev.lambdasim.workload.Arrivals.S;
import static dev.lambdasim.workload.Arrivals.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.spec.TrafficSpec.Mmpp.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In the long run an MMPP arrives at the stationary mix Σ π(i)·λ(i), with π(i) ∝ meanHold(i)
 * (the embedded chain is cyclic, so it visits every state equally often). Fixed seeds; each test
 * states its bound.
 */
final class MmppArrivalsTest {

  @Test
  void twoStateLongRunRateIsTheStationaryMix() {
    // The example of docs/scenario-format.md: 2/s held 10m, 100/s held 1m; π = (10/11, 1/11),
    // mix 120/11 per s. For a two-state MMPP with switching rates r1 = 1/600 s, r2 = 1/60 s,
    // Var N(T) / T tends to λ̄ + 2 (λ1 − λ2)² r1 r2 / (r1 + r2)³ (Fischer and Meier-Hellstern,
    // "The Markov-modulated Poisson process cookbook", 1993): about 86,600 per s. Criterion:
    // |z| < 4 over T = 1000 h.
    var spec = new TrafficSpec.Mmpp("mmpp#0", List.of(new State(2, 10 * MIN), new State(100, MIN)), 0, OPEN);
    double mix = spec.stationaryRatePerSecond();
    assertThat(mix).isCloseTo(120 / 11.0, org.assertj.core.data.Offset.offset(1e-12));

    double seconds = 1000 * 3600.0;
    long n = count(of(spec, 21), (long) (seconds * S));
    double r1 = 1 / 600.0;
    double r2 = 1 / 60.0;
    double variancePerSecond = mix + 2 * 98 * 98 * r1 * r2 / Math.pow(r1 + r2, 3);
    double z = (n - mix * seconds) / Math.sqrt(variancePerSecond * seconds);
    assertThat(Math.abs(z)).as("z of count %d against %.0f", n, mix * seconds).isLessThan(4);
  }

  @Test
  void threeStateOnOffLongRunRateIsTheStationaryMix() {
    // An off state (0/s), then 50/s, then 10/s: mix (0·5 + 50·1 + 10·2) / 8 = 8.75/s. Criterion:
    // batch means over 100 batches of 10 h (far longer than the holds, so nearly independent):
    // |mean − mix| < 4 standard errors of the batch mean.
    var spec = new TrafficSpec.Mmpp("mmpp#0",
        List.of(new State(0, 5 * MIN), new State(50, MIN), new State(10, 2 * MIN)), 0, OPEN);
    assertThat(spec.stationaryRatePerSecond()).isEqualTo(8.75);
    ArrivalProcess process = of(spec, 22);
    int batches = 100;
    long batch = 10 * H;
    double[] rates = new double[batches];
    long t = process.nextArrivalNanos();
    for (int b = 0; b < batches; b++) {
      long n = 0;
      for (; t < (b + 1) * batch; t = process.nextArrivalNanos()) {
        n++;
      }
      rates[b] = n / (batch / 1e9);
    }
    double mean = org.apache.commons.math3.stat.StatUtils.mean(rates);
    double standardError = Math.sqrt(org.apache.commons.math3.stat.StatUtils.variance(rates) / batches);
    assertThat(Math.abs(mean - 8.75)).as("batch mean %.4f, standard error %.4f", mean, standardError)
        .isLessThan(4 * standardError);
  }

  @Test
  void startsInTheStationaryDistribution() {
    // With holds 3m and 1m, the first state is the first one with probability 3/4. The first state
    // shows in whether an arrival comes at all in the first second (rates 0/s and 10,000/s).
    // Criterion over 4,000 seeds: |share − 0.75| < 4·√(0.75·0.25/4000) ≈ 0.027.
    int trials = 4000;
    int offFirst = 0;
    for (int seed = 0; seed < trials; seed++) {
      var spec = new TrafficSpec.Mmpp("mmpp#0", List.of(new State(0, 3 * MIN), new State(10_000, MIN)), 0, OPEN);
      offFirst += of(spec, seed).nextArrivalNanos() > S / 1000 ? 1 : 0;
    }
    assertThat(Math.abs(offFirst / (double) trials - 0.75)).isLessThan(0.027);
  }

  private static long count(ArrivalProcess process, long untilNanos) {
    long n = 0;
    for (long t = process.nextArrivalNanos(); t < untilNanos; t = process.nextArrivalNanos()) {
      n++;
    }
    return n;
  }
}
