package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.INVOCATIONS;
import static dev.lambdasim.metrics.PeriodColumn.THROTTLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.run.FunctionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/04-reserved-concurrency.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ReservedConcurrencyScenarioTest {
  private static final String ACCOUNT_LIMIT = "ConcurrentInvocationLimitExceeded";
  private ScenarioRun run;

  @BeforeAll
  void run() throws Exception {
    run = ScenarioRun.of("04-reserved-concurrency.yaml");
  }

  @Test
  void theReservedFunctionIsNeverThrottled() {
    assertThat(run.result.function("checkout").throttles()).isZero();
  }

  @Test
  void theUnprotectedFunctionLosesAboutTwoInThreeRequestsDuringTheFlood() {
    FunctionSummary search = run.result.function("search");
    assertThat(search.throttles()).isGreaterThan(1_000L);
    assertThat(search.throttlesByReason().get(ACCOUNT_LIMIT)).isEqualTo(search.throttles());
    assertThat(run.sum("search", 0, 10, r -> r.count(THROTTLES))).isZero();
    assertThat(run.sum("search", 20, 30, r -> r.count(THROTTLES))).isZero();
    long floodArrivals = run.sum("search", 10, 20, r -> r.count(INVOCATIONS) + r.count(THROTTLES));
    double lost = (double) run.sum("search", 10, 20, r -> r.count(THROTTLES)) / floodArrivals;
    assertThat(lost).isBetween(0.5, 0.8);
  }

  @Test
  void theNoisyNeighbourIsCappedByTheUnreservedPool() {
    FunctionSummary batch = run.result.function("batch");
    assertThat(batch.concurrencyPeak()).isEqualTo(80L);
    assertThat(batch.throttlesByReason().get(ACCOUNT_LIMIT)).isEqualTo(batch.throttles());
    assertThat(run.result.accountPeakConcurrency()).isLessThanOrEqualTo(100L);
  }

  @Test
  void reservingForSearchProtectsItAndShrinksTheBatchJob() throws Exception {
    ScenarioRun protectedSearch = ScenarioRun.of("04-reserved-concurrency.yaml",
        "functions[search].reservedConcurrency=10");
    assertThat(protectedSearch.result.function("search").throttles()).isZero();
    assertThat(protectedSearch.result.function("batch").concurrencyPeak()).isEqualTo(70L);
  }

  @Test
  void cappingTheNeighbourMovesItsThrottlesToItsReservation() throws Exception {
    ScenarioRun capped = ScenarioRun.of("04-reserved-concurrency.yaml",
        "functions[batch].reservedConcurrency=30");
    assertThat(capped.result.function("search").throttles()).isZero();
    FunctionSummary batch = capped.result.function("batch");
    assertThat(batch.throttlesByReason()
        .get("ReservedFunctionConcurrentInvocationLimitExceeded")).isEqualTo(batch.throttles());
  }

  @Test
  void aReservationBelowTheFunctionsOwnPeakThrottlesIt() throws Exception {
    FunctionSummary checkout = ScenarioRun.of("04-reserved-concurrency.yaml",
        "functions[checkout].reservedConcurrency=2").result.function("checkout");
    assertThat(checkout.throttles()).isPositive();
  }
}
