package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.exponential;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static dev.lambdasim.run.Scenarios.unlimitedAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.workload.ArrivalProcess;
import dev.lambdasim.workload.ArrivalProcesses;
import org.junit.jupiter.api.Test;

/**
 * Every source of randomness has its own stream named by (seed, name): adding a
 * function or a traffic source never changes another one's draws.
 */
final class StreamIndependenceTest {

  /** Returns the function under observation: every one of its streams is drawn from. */
  private static Scenarios.Fn api() {
    return function("api").poisson(50).duration(exponential(100 * MS))
        .init(exponential(200 * MS)).keepAlive(exponential(20 * S)).errorRate(0.1)
        .reuse(ReusePolicy.RANDOM);
  }

  /**
   * On an unlimited account two functions share no limit, so a second function, with its own
   * streams, leaves the first one's summary equal to the one it had alone.
   */
  @Test
  void addingAFunctionLeavesAnotherFunctionUnchanged() {
    RunResult alone = Simulation.run(scenario(10 * MIN, unlimitedAccount(), api()));
    RunResult together = Simulation.run(scenario(10 * MIN, unlimitedAccount(), api(),
        function("other").poisson(80).duration(exponential(300 * MS))
            .init(exponential(200 * MS)).keepAlive(exponential(20 * S)).errorRate(0.2)));

    assertThat(together.function("api")).isEqualTo(alone.function("api"));
    assertThat(together.function("other").invocations()).isPositive();
  }

  /**
   * A constant source adds exactly its own arrivals: 10/s over [0, 600 s) is 6,000 instants
   * (k × 100 ms for k = 0..5,999), and the Poisson source's draws are unchanged.
   */
  @Test
  void addingAConstantSourceAddsExactlyItsArrivals() {
    RunResult poissonOnly = Simulation.run(scenario(10 * MIN, unlimitedAccount(), api()));
    RunResult both = Simulation.run(scenario(10 * MIN, unlimitedAccount(),
        api().constantRate(10)));

    long poissonArrivals = poissonOnly.function("api").arrivals();
    assertThat(poissonArrivals).isBetween(29_000L, 31_000L); // 50/s × 600 s = 30,000 expected
    assertThat(both.function("api").arrivals()).isEqualTo(poissonArrivals + 6_000);
  }

  /**
   * The arrival process of one source does not depend on which streams were made before it from
   * the same {@link RandomStreams}: its first 1,000 instants are the same either way.
   */
  @Test
  void arrivalProcessIgnoresStreamsCreatedBeforeIt() {
    TrafficSpec spec = new TrafficSpec.Poisson("poisson#0", 25, 0, Long.MAX_VALUE);
    long[] fresh = firstInstants(ArrivalProcesses.of(spec, "api", new RandomStreams(7)), 1000);

    RandomStreams shared = new RandomStreams(7);
    ArrivalProcess before = ArrivalProcesses.of(
        new TrafficSpec.Poisson("poisson#1", 25, 0, Long.MAX_VALUE), "api", shared);
    firstInstants(before, 500);
    shared.stream("function/api/duration").nextDouble();
    long[] afterOthers = firstInstants(ArrivalProcesses.of(spec, "api", shared), 1000);

    assertThat(afterOthers).isEqualTo(fresh);
    // The other stream is a different stream, not a copy.
    assertThat(firstInstants(ArrivalProcesses.of(
        new TrafficSpec.Poisson("poisson#1", 25, 0, Long.MAX_VALUE), "api",
        new RandomStreams(7)), 1000)).isNotEqualTo(fresh);
  }

  private static long[] firstInstants(ArrivalProcess process, int count) {
    long[] instants = new long[count];
    for (int i = 0; i < count; i++) {
      instants[i] = process.nextArrivalNanos();
    }
    return instants;
  }
}
