package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.H;
import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;
import org.junit.jupiter.api.Test;

/**
 * The platform's documented rules (docs/model.md names the AWS page of each), each checked
 * against a count derived by hand from the rule.
 */
final class PlatformRulesTest {

  private static final AccountSpec BIG_PER_FUNCTION =
      new AccountSpec(1_000_000, 0, ScalingSpec.perFunction());

  /** Per-function scaling: a bucket of 1,000 new environments, full at the start. */
  @Test
  void burstAgainstPerFunctionBucketAdmitsOneThousand() {
    RunResult result = Simulation.run(scenario(MIN, BIG_PER_FUNCTION,
        function("api").duration(constant(10 * S)).burst(0, 1500)));

    FunctionSummary api = result.function("api");
    assertThat(api.invocations()).isEqualTo(1000);
    assertThat(api.coldStarts()).isEqualTo(1000);
    assertThat(api.throttlesByReason()).containsEntry("ScalingRateExceeded", 500L);
  }

  /** Each function has its own bucket (since Nov 2023): two functions get 1,000 each. */
  @Test
  void perFunctionBucketsAreIndependent() {
    RunResult result = Simulation.run(scenario(MIN, BIG_PER_FUNCTION,
        function("a").duration(constant(10 * S)).burst(0, 2000),
        function("b").duration(constant(10 * S)).burst(0, 2000)));

    assertThat(result.function("a").invocations()).isEqualTo(1000);
    assertThat(result.function("b").invocations()).isEqualTo(1000);
  }

  /** Legacy burst: one account-wide burst of 3,000 shared by all functions. */
  @Test
  void burstAgainstLegacyAccountBurstAdmitsThreeThousandInAll() {
    AccountSpec legacy = new AccountSpec(1_000_000, 0, ScalingSpec.legacyBurst(3000, 500));
    RunResult result = Simulation.run(scenario(MIN, legacy,
        function("a").duration(constant(10 * S)).burst(0, 2000),
        function("b").duration(constant(10 * S)).burst(0, 2000)));

    assertThat(result.accountInvocations()).isEqualTo(3000);
    assertThat(result.accountThrottlesByReason()).containsEntry("ScalingRateExceeded", 1000L);
  }

  /**
   * Legacy burst then +500 per minute: a steady 20 new environments per second (1,200/min) for
   * 10 minutes exhausts the 3,000 burst when 20t = 3,000 + 500t/60, i.e. t ≈ 260.87 s; by
   * 600 s, 3,000 + 500 × 10 = 8,000 environments have been created.
   */
  @Test
  void legacyBurstThenRefillsFiveHundredPerMinute() {
    AccountSpec legacy = new AccountSpec(1_000_000, 0, ScalingSpec.legacyBurst(3000, 500));
    RunResult result = Simulation.run(scenario(10 * MIN, legacy,
        function("api").duration(constant(H)).constantRate(20)));

    assertThat(result.function("api").invocations()).isBetween(7999L, 8001L);
  }

  /**
   * Per-function ramp: 200 new environments per second against 1,000 + 100/s. The bucket runs
   * out at 200t = 1,000 + 100t, t = 10 s; by 20 s, 1,000 + 100 × 20 = 3,000 are admitted of
   * 4,000 arrivals.
   */
  @Test
  void rampAboveRefillRateIsCutToTheRefillRate() {
    RunResult result = Simulation.run(scenario(20 * S, BIG_PER_FUNCTION,
        function("api").duration(constant(H)).constantRate(200)));

    FunctionSummary api = result.function("api");
    assertThat(api.arrivals()).isEqualTo(4000);
    assertThat(api.invocations()).isBetween(2999L, 3001L);
    assertThat(api.throttlesByReason().get("ScalingRateExceeded"))
        .isEqualTo(api.arrivals() - api.invocations());
  }

  /** Reusing a warm environment costs no scaling token: 5,000/s on 100 warm environments. */
  @Test
  void warmReuseNeedsNoScalingToken() {
    RunResult result = Simulation.run(scenario(MIN, BIG_PER_FUNCTION,
        function("api").duration(constant(10 * MS)).constantRate(5000)));

    FunctionSummary api = result.function("api");
    assertThat(api.throttles()).isZero();
    assertThat(api.coldStarts()).isLessThanOrEqualTo(1000);
  }

  /** Keep-alive K with a request every T: all warm after the first when T < K. */
  @Test
  void periodicRequestsUnderKeepAliveAreWarm() {
    RunResult result = Simulation.run(scenario(2 * H, BIG_PER_FUNCTION,
        function("api").keepAlive(constant(5 * MIN)).constantRate(1.0 / 240)));

    FunctionSummary api = result.function("api");
    assertThat(api.invocations()).isEqualTo(30);
    assertThat(api.coldStarts()).isEqualTo(1);
  }

  /** Keep-alive K with a request every T: every request is cold when T > K. */
  @Test
  void periodicRequestsOverKeepAliveAreAllCold() {
    RunResult result = Simulation.run(scenario(2 * H, BIG_PER_FUNCTION,
        function("api").keepAlive(constant(5 * MIN)).constantRate(1.0 / 360)));

    FunctionSummary api = result.function("api");
    assertThat(api.invocations()).isEqualTo(20);
    assertThat(api.coldStarts()).isEqualTo(20);
    assertThat(api.environmentsReclaimed()).isEqualTo(20);
  }

  /** Every environment is recycled at its maximum lifetime, even under steady load. */
  @Test
  void environmentsAreRecycledAtMaxLifetime() {
    RunResult result = Simulation.run(scenario(H, BIG_PER_FUNCTION,
        function("api").duration(constant(10 * MS)).maxLifetime(10 * MIN).constantRate(10)));

    FunctionSummary api = result.function("api");
    assertThat(api.coldStarts()).isEqualTo(6);
    assertThat(api.environmentsRecycled()).isEqualTo(5);
    assertThat(api.environmentsReclaimed()).isZero();
  }

  /** A timeout stops the handler at the timeout, is an error, and resets the environment. */
  @Test
  void timeoutIsAnErrorBilledToTheTimeoutAndResetsTheEnvironment() {
    RunResult result = Simulation.run(scenario(MIN, BIG_PER_FUNCTION,
        function("api").memoryMb(1024).duration(constant(5 * S)).timeout(3 * S)
            .constantRate(0.1)));

    FunctionSummary api = result.function("api");
    assertThat(api.invocations()).isEqualTo(6);
    assertThat(api.timeouts()).isEqualTo(6);
    assertThat(api.errors()).isEqualTo(6);
    assertThat(api.durationMs().max()).isCloseTo(3000.0, within(3.0));
    assertThat(api.coldStarts()).isEqualTo(6);
    assertThat(api.environmentsCreated()).isEqualTo(1);
    assertThat(api.onDemandGbSeconds()).isCloseTo(6 * 3.0, within(1e-9));
  }

  /** Function errors occur at the configured rate and do not end the environment. */
  @Test
  void errorRateGivesErrorsAndKeepsTheEnvironment() {
    RunResult result = Simulation.run(scenario(H, BIG_PER_FUNCTION,
        function("api").errorRate(0.1).duration(constant(10 * MS)).constantRate(10)));

    FunctionSummary api = result.function("api");
    assertThat((double) api.errors() / api.invocations()).isCloseTo(0.1, within(0.01));
    assertThat(api.coldStarts()).isEqualTo(1);
    assertThat(api.ledger().failed()).isEqualTo(api.errors());
  }

  /** Reserved concurrency 0 throttles every request. */
  @Test
  void reservedConcurrencyZeroThrottlesEverything() {
    RunResult result = Simulation.run(scenario(MIN, new AccountSpec(1000, 100,
        ScalingSpec.perFunction()), function("api").reserved(0).constantRate(10)));

    FunctionSummary api = result.function("api");
    assertThat(api.invocations()).isZero();
    assertThat(api.throttlesByReason())
        .containsEntry("ReservedFunctionConcurrentInvocationLimitExceeded", 600L);
  }

  /** Reserved concurrency is a guarantee: a noisy neighbour cannot take it. */
  @Test
  void reservedConcurrencyProtectsAFunctionFromANoisyNeighbour() {
    AccountSpec account = new AccountSpec(1000, 100, ScalingSpec.unlimited());
    RunResult result = Simulation.run(scenario(MIN, account,
        function("noisy").duration(constant(10 * S)).constantRate(500),
        function("critical").reserved(50).duration(constant(100 * MS)).constantRate(100)));

    assertThat(result.function("noisy").concurrencyPeak()).isEqualTo(950);
    assertThat(result.function("noisy").throttlesByReason().get("ConcurrentInvocationLimitExceeded"))
        .isPositive();
    assertThat(result.function("critical").throttles()).isZero();
  }

  /** The sync requests-per-second limit is 10 × the account concurrency limit. */
  @Test
  void requestRateLimitIsTenTimesConcurrencyLimit() {
    AccountSpec account = new AccountSpec(10, 0, ScalingSpec.unlimited());
    RunResult result = Simulation.run(scenario(100 * S, account,
        function("api").duration(constant(MS)).constantRate(200)));

    FunctionSummary api = result.function("api");
    // A bucket of 100 that starts full and refills at 100/s: 100 + 100 × 100 s admitted.
    assertThat(api.invocations()).isBetween(10_099L, 10_101L);
    assertThat(api.throttlesByReason().get("FunctionInvocationRateLimitExceeded"))
        .isEqualTo(api.arrivals() - api.invocations());
  }

  /** Provisioned environments are used first; no cold starts while they suffice. */
  @Test
  void provisionedConcurrencyServesWithoutColdStarts() {
    RunResult result = Simulation.run(scenario(10 * MIN, BIG_PER_FUNCTION,
        function("api").provisioned(10).init(constant(500 * MS)).duration(constant(50 * MS))
            .constantRate(100)));

    FunctionSummary api = result.function("api");
    assertThat(api.coldStarts()).isZero();
    assertThat(api.provisionedInvocations()).isEqualTo(api.invocations());
    assertThat(api.spilloverInvocations()).isZero();
  }

  /** Above its provisioned concurrency a function spills over to on-demand environments. */
  @Test
  void demandAboveProvisionedSpillsOver() {
    RunResult result = Simulation.run(scenario(10 * MIN, BIG_PER_FUNCTION,
        function("api").provisioned(2).init(constant(500 * MS)).duration(constant(50 * MS))
            .constantRate(100)));

    FunctionSummary api = result.function("api");
    assertThat(api.spilloverInvocations()).isPositive();
    assertThat(api.provisionedInvocations() + api.spilloverInvocations())
        .isEqualTo(api.invocations());
    // Requests come every 10 ms and last 50 ms, so the 2 provisioned environments take 2 of every
    // 5 and 3 of 5 spill over. The first on-demand environment is free again only at 20 + 550 ms:
    // until then every spilled request (60/s for 550 ms) is a cold start: 33.
    assertThat(api.coldStarts()).isEqualTo(33);
  }

  /** Concurrency counts environments initialising too: a cold start holds concurrency. */
  @Test
  void initialisingEnvironmentsCountAsConcurrency() {
    RunResult result = Simulation.run(scenario(MIN, BIG_PER_FUNCTION,
        function("api").init(constant(2 * S)).duration(constant(MS)).burst(0, 5)));

    assertThat(result.function("api").concurrencyPeak()).isEqualTo(5);
    assertThat(result.function("api").latencyMs().mean()).isCloseTo(2001.0, within(1.0));
    assertThat(result.function("api").durationMs().mean()).isCloseTo(1.0, within(0.01));
  }

  /**
   * Provisioned environments take at most 10 requests per second each (AWS, "Lambda quotas");
   * above that requests spill over to on-demand even while provisioned environments are idle. One
   * ready environment, 50 short requests a second for 100 s: 10 + 10 × 100 run on it.
   */
  @Test
  void provisionedEnvironmentsTakeTenRequestsPerSecondEach() {
    RunResult result = Simulation.run(scenario(100 * S, BIG_PER_FUNCTION,
        function("api").provisioned(1).duration(constant(MS)).constantRate(50)));

    FunctionSummary api = result.function("api");
    assertThat(api.provisionedInvocations()).isBetween(1009L, 1011L);
    assertThat(api.spilloverInvocations()).isEqualTo(api.invocations() - api.provisionedInvocations());
    assertThat(api.throttles()).isZero();
  }

  /**
   * Suppressed init (AWS, "Understanding the Lambda execution environment lifecycle"): an
   * on-demand Init of 12 s is stopped at 10 s and run again inside the invocation, where it counts
   * in Duration: 10 s of Init, then 12 s + 100 ms of Duration.
   */
  @Test
  void initLongerThanTenSecondsRunsAgainInsideTheInvocation() {
    FunctionSummary api = Simulation.run(scenario(MIN, BIG_PER_FUNCTION, function("api")
        .init(constant(12 * S)).duration(constant(100 * MS)).timeout(30 * S).burst(0, 1)))
        .function("api");

    assertThat(api.initDurationMs().max()).isCloseTo(10_000.0, within(10.0));
    assertThat(api.durationMs().max()).isCloseTo(12_100.0, within(12.0));
    assertThat(api.latencyMs().max()).isCloseTo(22_100.0, within(22.0));
    assertThat(api.timeouts()).isZero();
  }

  /** The retried Init counts against the function timeout: 12 s of it cannot fit in 5 s. */
  @Test
  void suppressedInitCanTimeOut() {
    FunctionSummary api = Simulation.run(scenario(MIN, BIG_PER_FUNCTION, function("api")
        .init(constant(12 * S)).duration(constant(100 * MS)).timeout(5 * S).burst(0, 1)))
        .function("api");

    assertThat(api.timeouts()).isEqualTo(1);
    assertThat(api.durationMs().max()).isCloseTo(5_000.0, within(5.0));
  }
}
