package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.ASYNC_EVENT_AGE_MAX;
import static dev.lambdasim.metrics.PeriodColumn.ASYNC_QUEUE_DEPTH_MAX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.run.AsyncSummary;
import dev.lambdasim.run.FunctionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/07-async-retries-and-destinations.yaml} claims. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class AsyncRetriesScenarioTest {

  private ScenarioRun run;

  @BeforeAll
  void run() throws Exception {
    run = ScenarioRun.of("07-async-retries-and-destinations.yaml");
  }

  @Test
  void everyEventIsAcceptedAndNoCallerIsThrottled() {
    FunctionSummary ingest = run.result.function("ingest");
    // 10/s for 40 minutes plus the 6,000 burst.
    assertThat(ingest.async().received()).isBetween(29_000L, 31_000L);
    assertThat(ingest.ledger().throttled()).isZero();
    assertThat(ingest.async().throttledAttempts()).isPositive();
    assertThat(ingest.throttles()).isEqualTo(ingest.async().throttledAttempts());
  }

  @Test
  void theBurstQueuesForMinutesAndPartlyAgesOut() {
    AsyncSummary async = run.result.function("ingest").async();
    assertThat(async.queueDepthPeak()).isGreaterThan(5_000);
    assertThat(async.ageMs().max()).isBetween(60_000.0, 10 * 60_000.0 + 1_000.0);
    assertThat(async.failuresByCondition().get("EventAgeExceeded")).isPositive();
    assertThat(async.failuresByCondition().get("RetriesExhausted")).isPositive();
    assertThat(async.failedInvokeCounts().get(3)).isPositive();
    assertThat(async.retried()).isPositive();
  }

  @Test
  void queueMetricsJumpAtTheBurstAndRecover() {
    PeriodRow burst = run.rows("ingest").get(10);
    PeriodRow calm = run.rows("ingest").get(35);
    assertThat(burst.count(ASYNC_QUEUE_DEPTH_MAX)).isGreaterThan(5_000);
    assertThat(calm.count(ASYNC_QUEUE_DEPTH_MAX)).isLessThan(100);
    // Outside the backlog the oldest events are the retried ones: 1 or 3 minutes old.
    assertThat(run.rows("ingest").get(17).value(ASYNC_EVENT_AGE_MAX)).isGreaterThan(5 * 60_000.0);
    assertThat(calm.value(ASYNC_EVENT_AGE_MAX)).isLessThan(4 * 60_000.0);
  }

  @Test
  void destinationsChainAndCountEveryOutcome() {
    FunctionSummary ingest = run.result.function("ingest");
    FunctionSummary enrich = run.result.function("enrich");
    assertThat(enrich.async().received()).isEqualTo(ingest.ledger().succeeded());
    assertThat(ingest.async().deliveries().get("enrich")).isEqualTo(ingest.ledger().succeeded());
    long dropped = ingest.ledger().failed() + ingest.ledger().dropped();
    assertThat(ingest.async().deliveries().get("failures")).isEqualTo(dropped);
    assertThat(ingest.async().deliveries().get("dlq")).isEqualTo(dropped);
    assertThat(enrich.async().deliveries().get("done")).isEqualTo(enrich.ledger().succeeded());
    assertThat(run.result.conservation().balanced()).isTrue();
  }
}
