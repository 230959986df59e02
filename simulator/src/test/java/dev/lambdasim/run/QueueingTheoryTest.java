package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.H;
import static dev.lambdasim.run.Scenarios.exponential;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;
import org.junit.jupiter.api.Test;

/** Analytic results of queueing theory hold for the model. */
final class QueueingTheoryTest {

  /** Little's law: L = λW. Poisson 100/s, exponential 200 ms, no init ⇒ mean concurrency 20. */
  @Test
  void meanConcurrencyFollowsLittlesLaw() {
    RunResult result = Simulation.run(scenario(2 * H, Scenarios.unlimitedAccount(),
        function("api").poisson(100).duration(exponential(200 * MS))));

    FunctionSummary api = result.function("api");
    assertThat(api.concurrencyMean()).isCloseTo(20.0, within(20.0 * 0.02));
    assertThat(api.throttles()).isZero();
  }

  /**
   * Erlang-B: with reserved concurrency c, Poisson arrivals, exponential durations and no
   * cold-start delay, the blocked fraction is B(c, A). c = 10, A = 8 ⇒ 0.1217.
   */
  @Test
  void throttleRateUnderReservedConcurrencyIsErlangB() {
    AccountSpec account = new AccountSpec(1000, 100, ScalingSpec.unlimited());
    RunResult result = Simulation.run(scenario(10 * H, account,
        function("api").reserved(10).poisson(80).duration(exponential(100 * MS))));

    FunctionSummary api = result.function("api");
    assertThat(erlangB(10, 8.0)).isCloseTo(0.1217, within(0.0001));
    assertThat(api.throttleRate()).isCloseTo(erlangB(10, 8.0), within(0.1217 * 0.05));
    assertThat(api.throttlesByReason())
        .containsEntry("ReservedFunctionConcurrentInvocationLimitExceeded", api.throttles());
  }

  /** Erlang-B for the unreserved account pool: limit 50 − unreserved minimum 0, A = 45. */
  @Test
  void throttleRateUnderAccountLimitIsErlangB() {
    AccountSpec account = new AccountSpec(50, 0, ScalingSpec.unlimited());
    RunResult result = Simulation.run(scenario(4 * H, account,
        function("api").poisson(450).duration(exponential(100 * MS))));

    FunctionSummary api = result.function("api");
    assertThat(api.throttleRate()).isCloseTo(erlangB(50, 45.0), within(erlangB(50, 45.0) * 0.05));
    assertThat(api.throttlesByReason())
        .containsEntry("ConcurrentInvocationLimitExceeded", api.throttles());
  }

  /** Returns the Erlang-B blocking probability by the stable recurrence. */
  static double erlangB(int servers, double offeredLoad) {
    double b = 1.0;
    for (int k = 1; k <= servers; k++) {
      b = offeredLoad * b / (k + offeredLoad * b);
    }
    return b;
  }
}
