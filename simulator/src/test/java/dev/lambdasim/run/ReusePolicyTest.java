package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.H;
import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static dev.lambdasim.run.Scenarios.unlimitedAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.ReusePolicy;
import org.junit.jupiter.api.Test;

/**
 * The reuse policy decides which warm environments survive a lull: most-recent
 * reuse concentrates a low rate on one environment so the rest expire, least-recent rotates it
 * over all of them so none does.
 *
 * <p>The workload: a burst of 10 requests at 0 s makes 10 environments (100 ms handler, idle from
 * 0.1 s); then one request every 50 s from 50 s to the 1 h horizon (71 requests); keep-alive is
 * a constant 10 min.
 */
final class ReusePolicyTest {

  private static FunctionSummary run(ReusePolicy policy) {
    RunResult result = Simulation.run(scenario(H, unlimitedAccount(),
        function("api").reuse(policy).duration(constant(100 * MS)).keepAlive(constant(10 * MIN))
            .burst(0, 10).constantRate(1 / 50.0, 50 * S, Long.MAX_VALUE)));
    FunctionSummary api = result.function("api");
    // 10 + ⌈(3,600 − 50) / 50⌉ = 10 + 71 arrivals (50 s, 100 s, …, 3,550 s).
    assertThat(api.invocations()).isEqualTo(81);
    return api;
  }

  /**
   * Most-recent: every request after the burst takes the environment that finished last, so one
   * environment serves all 71 and the other 9, idle since 0.1 s, are reclaimed at 600.1 s. The
   * survivor is never idle more than 50 s and is still alive at the horizon.
   */
  @Test
  void mostRecentReuseLetsTheRestExpire() {
    FunctionSummary api = run(ReusePolicy.MOST_RECENT);

    assertThat(api.environmentsCreated()).isEqualTo(10);
    assertThat(api.coldStarts()).isEqualTo(10);
    assertThat(api.environmentsReclaimed()).isEqualTo(9);
  }

  /**
   * Least-recent: request k takes the environment idle longest, so the 10 rotate and each is
   * reused every 10 × 50 s = 500 s — less than the 600 s keep-alive (the first round's longest
   * wait is 500 s − 0.1 s). None is reclaimed, and there are no cold starts after the burst.
   */
  @Test
  void leastRecentReuseKeepsAllAliveByRotation() {
    FunctionSummary api = run(ReusePolicy.LEAST_RECENT);

    assertThat(api.environmentsCreated()).isEqualTo(10);
    assertThat(api.coldStarts()).isEqualTo(10);
    assertThat(api.environmentsReclaimed()).isZero();
  }
}
