package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ClientRetrySpec;
import dev.lambdasim.spec.ScalingSpec;
import org.junit.jupiter.api.Test;

/**
 * Callers that retry throttled sync calls (the function's {@code retry} policy): every attempt
 * is a throttle or an invocation, the request ends once, and retries are real requests that the
 * limits see.
 */
final class ClientRetryTest {

  private static final AccountSpec BIG = new AccountSpec(1_000_000, 0, ScalingSpec.perFunction());
  private static final ClientRetrySpec THREE_ATTEMPTS = new ClientRetrySpec(3, 100 * MS, 20 * S);

  /** 1,500 at once against the bucket of 1,000: without retries, 500 fail at once. */
  @Test
  void withoutRetriesABurstLosesWhatTheBucketCannotTake() {
    FunctionSummary api = Simulation.run(scenario(MIN, BIG,
        function("api").duration(constant(10 * S)).burst(0, 1500))).function("api");

    assertThat(api.invocations()).isEqualTo(1000);
    assertThat(api.ledger().throttled()).isEqualTo(500);
    assertThat(api.throttles()).isEqualTo(500);
  }

  /**
   * With 3 attempts, the 500 throttled calls come back within 100 ms and then 200 ms, when the
   * bucket has refilled a little (100 a second): some of them get in, the rest fail after their
   * third attempt. Each request still ends exactly once.
   */
  @Test
  void retriesRecoverSomeOfTheBurstAndEveryRequestEndsOnce() {
    FunctionSummary api = Simulation.run(scenario(MIN, BIG, function("api")
        .duration(constant(10 * S)).retry(THREE_ATTEMPTS).burst(0, 1500))).function("api");

    long recovered = api.invocations() - 1000;
    // Retries are spread over at most 0.3 s, in which the bucket refills at most 30 tokens.
    assertThat(recovered).isBetween(1L, 31L);
    assertThat(api.ledger().throttled()).isEqualTo(500 - recovered);
    assertThat(api.ledger().arrivals()).isEqualTo(1500);
    // 500 first attempts throttled; of the second attempts, all but those admitted then; and
    // every third attempt of the requests that never got in.
    long lost = api.ledger().throttled();
    assertThat(api.throttles()).isBetween(1000 - recovered + lost, 1000 + lost);
  }

  /** A retried call's caller waited for the retry: its latency includes the back-off. */
  @Test
  void latencyOfARetriedCallIncludesTheWait() {
    FunctionSummary api = Simulation.run(scenario(MIN, BIG, function("api")
        .duration(constant(10 * S)).retry(THREE_ATTEMPTS).burst(0, 1500))).function("api");

    assertThat(api.latencyMs().max()).isGreaterThan(api.durationMs().max());
  }

  /**
   * Retries are requests too: the requests-per-second limit (100/s for a limit of 10) admits
   * 100 + 100 × 100 s whether callers retry or not.
   */
  @Test
  void retriesCountAgainstTheRequestRateLimit() {
    AccountSpec small = new AccountSpec(10, 0, ScalingSpec.unlimited());
    FunctionSummary api = Simulation.run(scenario(100 * S, small, function("api")
        .duration(constant(MS)).retry(THREE_ATTEMPTS).constantRate(200))).function("api");

    assertThat(api.invocations()).isBetween(10_099L, 10_101L);
    assertThat(api.throttles()).isGreaterThan(api.ledger().throttled());
  }
}
