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
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.ScalingSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous invocation (AWS, "How Lambda handles errors and retries with asynchronous
 * invocation"): the queue absorbs throttles, retries errors exactly maxRetries times, drops what
 * ages out, and routes outcomes to destinations.
 */
final class AsyncInvocationTest {

  private static final AccountSpec ACCOUNT = new AccountSpec(1000, 100, ScalingSpec.perFunction());

  private static AsyncSpec async(int maxRetries, long maxEventAgeNanos, String onSuccess,
      String onFailure, String deadLetter) {
    return new AsyncSpec(maxRetries, maxEventAgeNanos, onSuccess, onFailure, deadLetter);
  }

  /**
   * 100 events at once against reserved concurrency 1 and a 100 ms handler: none is lost, and
   * the queue drains over time. At least 100 × 100 ms = 10 s of work must pass before the last
   * one runs, so the oldest waits ≥ 9.9 s; with back-off capped at 5 minutes it is minutes, not
   * hours.
   */
  @Test
  void throttledQueueDrainsOverTime() {
    RunResult result = Simulation.run(scenario(2 * H, ACCOUNT, function("worker").reserved(1)
        .duration(constant(100 * MS)).async(AsyncSpec.defaults()).burst(0, 100)));

    FunctionSummary worker = result.function("worker");
    assertThat(worker.async().received()).isEqualTo(100);
    assertThat(worker.ledger().succeeded()).isEqualTo(100);
    assertThat(worker.async().dropped()).isZero();
    assertThat(worker.async().throttledAttempts()).isPositive();
    assertThat(worker.throttles()).isEqualTo(worker.async().throttledAttempts());
    assertThat(worker.async().ageMs().max()).isBetween(9_900.0, 30 * 60_000.0);
    assertThat(worker.async().queueDepthPeak()).isEqualTo(99);
    // The caller-side latency of an async invocation includes its time in the queue.
    assertThat(worker.latencyMs().max()).isGreaterThan(worker.async().ageMs().max());
  }

  /**
   * 20 events of 10 s against reserved concurrency 1 with a maximum event age of 60 s: at most
   * 6 can start before they age out (at 0, 10, ..., 50 s); the rest are dropped as
   * EventAgeExceeded and sent to the on-failure destination.
   */
  @Test
  void eventsOlderThanMaxEventAgeAreDropped() {
    RunResult result = Simulation.run(scenario(H, ACCOUNT, function("worker").reserved(1)
        .duration(constant(10 * S)).async(async(2, MIN, null, "failures", null))
        .burst(0, 20)));

    FunctionSummary worker = result.function("worker");
    long succeeded = worker.ledger().succeeded();
    assertThat(succeeded).isBetween(1L, 6L);
    assertThat(worker.async().dropped()).isEqualTo(20 - succeeded);
    assertThat(worker.ledger().dropped()).isEqualTo(20 - succeeded);
    assertThat(worker.async().failuresByCondition())
        .containsExactly(Map.entry("EventAgeExceeded", 20 - succeeded));
    assertThat(worker.async().deliveries()).containsExactly(Map.entry("failures", 20 - succeeded));
  }

  /**
   * With errorRate 1 every event is invoked 1 + maxRetries = 3 times — the retries 1 minute and
   * 2 minutes after the failed attempts — and then fails to the destination and the DLQ. The
   * third attempt starts 100 ms + 60 s + 100 ms + 120 s after the event was queued.
   */
  @Test
  void errorsAreRetriedExactlyMaxRetriesTimes() {
    RunResult result = Simulation.run(scenario(2 * H, ACCOUNT, function("worker")
        .duration(constant(100 * MS)).errorRate(1.0)
        .async(async(2, 6 * H, null, "failures", "dlq")).constantRate(1.0 / 600)));

    FunctionSummary worker = result.function("worker");
    assertThat(worker.async().received()).isEqualTo(12);
    assertThat(worker.invocations()).isEqualTo(36);
    assertThat(worker.errors()).isEqualTo(36);
    assertThat(worker.async().retried()).isEqualTo(24);
    assertThat(worker.ledger().failed()).isEqualTo(12);
    assertThat(worker.async().failedInvokeCounts()).containsExactly(Map.entry(3, 12L));
    assertThat(worker.async().failuresByCondition())
        .containsExactly(Map.entry("RetriesExhausted", 12L));
    assertThat(worker.async().deliveries())
        .containsExactly(Map.entry("dlq", 12L), Map.entry("failures", 12L));
    assertThat(worker.async().ageMs().max()).isCloseTo(180_200.0, within(180.0));
  }

  /** maxRetries 0: one invocation per event. */
  @Test
  void noRetriesMeansOneInvocation() {
    RunResult result = Simulation.run(scenario(H, ACCOUNT, function("worker")
        .duration(constant(100 * MS)).errorRate(1.0)
        .async(async(0, 6 * H, null, null, null)).constantRate(1.0 / 60)));

    FunctionSummary worker = result.function("worker");
    assertThat(worker.invocations()).isEqualTo(worker.async().received());
    assertThat(worker.ledger().failed()).isEqualTo(60);
  }

  /** A destination that is a function is invoked asynchronously: a two-function chain. */
  @Test
  void successesFlowThroughAChainOfFunctions() {
    RunResult result = Simulation.run(scenario(30 * MIN, ACCOUNT,
        function("ingest").duration(constant(50 * MS)).errorRate(0.2)
            .async(async(0, 6 * H, "enrich", "rejects", null)).poisson(10),
        function("enrich").duration(constant(80 * MS))
            .asyncSettings(async(2, 6 * H, "done", null, null)).constantRate(1, 2 * H, 3 * H)));

    FunctionSummary ingest = result.function("ingest");
    FunctionSummary enrich = result.function("enrich");
    assertThat(ingest.ledger().succeeded()).isPositive();
    assertThat(ingest.async().deliveries().get("enrich")).isEqualTo(ingest.ledger().succeeded());
    assertThat(ingest.async().deliveries().get("rejects")).isEqualTo(ingest.ledger().failed());
    assertThat(enrich.async().received()).isEqualTo(ingest.ledger().succeeded());
    assertThat(enrich.async().deliveries().get("done"))
        .isEqualTo(enrich.ledger().succeeded());
    assertThat(result.conservation().balanced()).isTrue();
  }

  /** Reserved concurrency 0: events go straight to the failure path, never invoked. */
  @Test
  void reservedConcurrencyZeroSendsEventsStraightToFailure() {
    RunResult result = Simulation.run(scenario(10 * MIN, ACCOUNT, function("worker")
        .reserved(0).async(async(2, 6 * H, null, "failures", null)).constantRate(1)));

    FunctionSummary worker = result.function("worker");
    assertThat(worker.invocations()).isZero();
    assertThat(worker.async().dropped()).isEqualTo(600);
    assertThat(worker.async().failuresByCondition())
        .containsExactly(Map.entry("ReservedConcurrencyZero", 600L));
    assertThat(worker.async().deliveries()).containsExactly(Map.entry("failures", 600L));
  }

  /** A function that is its own destination loops until loop detection stops it (16 deep). */
  @Test
  void recursiveChainsAreStopped() {
    RunResult result = Simulation.run(scenario(10 * MIN, ACCOUNT, function("loop")
        .duration(constant(10 * MS)).async(async(2, 6 * H, "loop", null, null)).burst(0, 1)));

    FunctionSummary loop = result.function("loop");
    assertThat(loop.invocations()).isEqualTo(17);
    assertThat(loop.async().failuresByCondition())
        .containsExactly(Map.entry("RecursiveInvocationsDropped", 1L));
  }

  /** Events still queued when the run ends are in flight in the ledger, not lost. */
  @Test
  void queuedEventsAreInFlightAtTheEnd() {
    RunResult result = Simulation.run(scenario(5 * S, ACCOUNT, function("worker").reserved(1)
        .duration(constant(100 * MS)).async(AsyncSpec.defaults()).burst(0, 100)));

    Ledger ledger = result.function("worker").ledger();
    assertThat(ledger.inFlightAtEnd()).isPositive();
    assertThat(ledger.succeeded() + ledger.inFlightAtEnd()).isEqualTo(100);
  }
}
