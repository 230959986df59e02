package dev.lambdasim.run;

import static dev.lambdasim.metrics.PeriodColumn.CONCURRENT_EXECUTIONS;
import static dev.lambdasim.metrics.PeriodColumn.ESM_CONCURRENCY_MAX;
import static dev.lambdasim.metrics.PeriodColumn.SQS_POLLER_CONCURRENCY_MAX;
import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.MetricsSink;
import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.SqsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQS event source mapping, as the Lambda Developer Guide's page on SQS describes it:
 * pollers scale from 5 concurrent batches by 300 a minute (60 legacy) to their cap, batches
 * fill to batchSize, and a poison message is received exactly maxReceiveCount times before it
 * goes to the dead-letter queue.
 */
final class SqsEventSourceTest {

  /** Room for 1,250 concurrent batches: the account is not the limit. */
  private static final AccountSpec ACCOUNT = new AccountSpec(3000, 100, ScalingSpec.perFunction());

  private static SqsSpec sqs(int batchSize, long windowNanos, int maximumConcurrency,
      long visibilityNanos, int maxReceiveCount, SqsSpec.Scaling scaling) {
    return new SqsSpec(batchSize, windowNanos, maximumConcurrency, visibilityNanos,
        maxReceiveCount, SqsSpec.DEFAULT_DEAD_LETTER, scaling, 0, 0);
  }

  private static List<PeriodRow> rows(Scenario scenario, String function) {
    List<PeriodRow> rows = new ArrayList<>();
    MetricsSink sink = row -> {
      if (row.function().equals(function)) {
        rows.add(row);
      }
    };
    new Simulation(scenario, sink).run(ProgressListener.none());
    return rows;
  }

  /**
   * 100,000 messages at once and 14-minute handlers (nothing completes within the run): the
   * batches running are the pollers' allowance, 5 at first and +5 at every second's tick while
   * messages wait (300 a minute), so minute m peaks at 5 + 5 × (60m + 59) — 300, 600, 900,
   * 1,200 — and minute 4 reaches the cap of 1,250 (at 249 s).
   */
  @Test
  void pollersAddThreeHundredBatchesAMinuteUpToTheCap() {
    Scenario scenario = scenario(6 * MIN, ACCOUNT, function("consumer").timeout(900 * S)
        .duration(constant(14 * MIN))
        .sqs(sqs(10, 0, SqsSpec.NO_MAXIMUM_CONCURRENCY, 900 * S, SqsSpec.NO_REDRIVE,
            SqsSpec.Scaling.CURRENT))
        .burst(0, 100_000));
    List<PeriodRow> rows = rows(scenario, "consumer");

    assertThat(rows.get(0).count(ESM_CONCURRENCY_MAX)).isEqualTo(300);
    assertThat(rows.get(1).count(ESM_CONCURRENCY_MAX)).isEqualTo(600);
    assertThat(rows.get(2).count(ESM_CONCURRENCY_MAX)).isEqualTo(900);
    assertThat(rows.get(3).count(ESM_CONCURRENCY_MAX)).isEqualTo(1200);
    assertThat(rows.get(4).count(ESM_CONCURRENCY_MAX)).isEqualTo(1250);
    assertThat(rows.get(5).count(CONCURRENT_EXECUTIONS)).isEqualTo(1250);
    assertThat(rows.get(5).count(SQS_POLLER_CONCURRENCY_MAX)).isEqualTo(1250);
  }

  /** The first period's batches: 5 at 0 s, then 5 more at each of the ticks 1..59 s. */
  @Test
  void theFirstSecondHasFiveBatches() {
    Scenario scenario = scenario(2 * S, ACCOUNT, function("consumer").timeout(900 * S)
        .duration(constant(14 * MIN))
        .sqs(sqs(10, 0, SqsSpec.NO_MAXIMUM_CONCURRENCY, 900 * S, SqsSpec.NO_REDRIVE,
            SqsSpec.Scaling.CURRENT))
        .burst(0, 1000));
    RunResult result = Simulation.run(scenario);
    // Ticks at 1 s add 5: 10 batches by the end of 2 s (the tick at 2 s is past the horizon).
    assertThat(result.function("consumer").invocations()).isEqualTo(10);
    assertThat(result.function("consumer").eventSource().meanBatchSize()).isEqualTo(10.0);
  }

  /** Legacy scaling: +60 a minute (1 a second) and a cap of 1,000. */
  @Test
  void legacyPollersAddSixtyAMinute() {
    Scenario scenario = scenario(5 * MIN, ACCOUNT, function("consumer").timeout(900 * S)
        .duration(constant(14 * MIN))
        .sqs(sqs(10, 0, SqsSpec.NO_MAXIMUM_CONCURRENCY, 900 * S, SqsSpec.NO_REDRIVE,
            SqsSpec.Scaling.LEGACY))
        .burst(0, 100_000));
    List<PeriodRow> rows = rows(scenario, "consumer");
    for (int m = 0; m < 5; m++) {
      assertThat(rows.get(m).count(ESM_CONCURRENCY_MAX)).as("minute %d", m)
          .isEqualTo(5 + 60 * m + 59);
    }
  }

  /** maximumConcurrency caps the pollers below the platform's 1,250. */
  @Test
  void maximumConcurrencyCapsThePollers() {
    Scenario scenario = scenario(3 * MIN, ACCOUNT, function("consumer").timeout(900 * S)
        .duration(constant(14 * MIN))
        .sqs(sqs(10, 0, 100, 900 * S, SqsSpec.NO_REDRIVE, SqsSpec.Scaling.CURRENT))
        .burst(0, 100_000));
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.concurrencyPeak()).isEqualTo(100);
    assertThat(consumer.eventSource().pollerConcurrencyPeak()).isEqualTo(100);
  }

  /**
   * 1,234 messages at once, batches of 100 with a 1 s window: 12 full batches and one of 34
   * after the window, ceil(1234 / 100) = 13 invocations; every message succeeds.
   */
  @Test
  void aBurstMakesCeilMessagesOverBatchSizeBatches() {
    Scenario scenario = scenario(10 * MIN, ACCOUNT, function("consumer").timeout(60 * S)
        .duration(constant(200 * MS))
        .sqs(sqs(100, S, SqsSpec.NO_MAXIMUM_CONCURRENCY, 60 * S, SqsSpec.NO_REDRIVE,
            SqsSpec.Scaling.CURRENT))
        .burst(0, 1234));
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.invocations()).isEqualTo(13);
    assertThat(consumer.ledger().succeeded()).isEqualTo(1234);
    assertThat(consumer.eventSource().batches()).isEqualTo(13);
  }

  /**
   * 50 messages a second, evenly spaced, batches of 100 with a 5 s window: a batch fills in
   * 2 s, before its window ends, so every batch is full — 30,000 messages in 10 minutes make
   * 300 batches (the last one is sent at the very end of the run or just after).
   */
  @Test
  void aSteadyStreamFillsEveryBatch() {
    Scenario scenario = scenario(10 * MIN, ACCOUNT, function("consumer").timeout(60 * S)
        .duration(constant(200 * MS))
        .sqs(sqs(100, 5 * S, SqsSpec.NO_MAXIMUM_CONCURRENCY, 60 * S, SqsSpec.NO_REDRIVE,
            SqsSpec.Scaling.CURRENT))
        .constantRate(50));
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.arrivals()).isEqualTo(30_000);
    assertThat(consumer.invocations()).isBetween(299L, 300L);
    assertThat(consumer.eventSource().meanBatchSize()).isEqualTo(100.0);
  }

  /**
   * One message against a function that always fails, visibility timeout 30 s, redrive after 3
   * receives: it is received at 0 s, 30 s and 60 s (three invocations), then goes to the DLQ
   * when its third visibility timeout ends at 90 s.
   */
  @Test
  void aPoisonMessageGoesToTheDeadLetterQueueAfterMaxReceiveCount() {
    Scenario scenario = scenario(10 * MIN, ACCOUNT, function("consumer").timeout(10 * S)
        .duration(constant(100 * MS)).errorRate(1.0)
        .sqs(sqs(10, 0, SqsSpec.NO_MAXIMUM_CONCURRENCY, 30 * S, 3, SqsSpec.Scaling.CURRENT))
        .burst(0, 1));
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.invocations()).isEqualTo(3);
    assertThat(consumer.errors()).isEqualTo(3);
    assertThat(consumer.eventSource().receives()).isEqualTo(3);
    assertThat(consumer.ledger().failed()).isEqualTo(1);
    assertThat(consumer.eventSource().deliveries()).containsExactly(Map.entry("dlq", 1L));
    assertThat(consumer.eventSource().failuresByCondition())
        .containsExactly(Map.entry("MaxReceiveCountExceeded", 1L));
    // The third receive waited two visibility timeouts (within the histogram's 0.1 %).
    assertThat(consumer.eventSource().messageAgeMs().max()).isCloseTo(60_000.0,
        org.assertj.core.api.Assertions.within(60.0));
  }

  /**
   * A throttled batch counts a receive too: with reserved concurrency 0 every batch is
   * throttled, and each message reaches the DLQ after maxReceiveCount receives, none invoked.
   */
  @Test
  void throttledReceivesCountTowardsTheRedrive() {
    Scenario scenario = scenario(10 * MIN, ACCOUNT, function("consumer").timeout(10 * S)
        .reserved(0).duration(constant(100 * MS))
        .sqs(sqs(10, 0, SqsSpec.NO_MAXIMUM_CONCURRENCY, 30 * S, 2, SqsSpec.Scaling.CURRENT))
        .burst(0, 25));
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.invocations()).isZero();
    assertThat(consumer.ledger().failed()).isEqualTo(25);
    assertThat(consumer.eventSource().receives()).isEqualTo(50);
    assertThat(consumer.throttles()).isEqualTo(consumer.eventSource().throttledBatches())
        .isPositive();
  }

  /** Messages still queued or in a batch at the end are in flight, and the ledger balances. */
  @Test
  void queuedMessagesAreInFlightAtTheEnd() {
    Scenario scenario = scenario(MIN, ACCOUNT, function("consumer").timeout(10 * S)
        .reserved(5).duration(constant(5 * S))
        .sqs(sqs(10, 0, SqsSpec.NO_MAXIMUM_CONCURRENCY, 30 * S, SqsSpec.NO_REDRIVE,
            SqsSpec.Scaling.CURRENT))
        .poisson(100));
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.ledger().inFlightAtEnd()).isPositive();
    assertThat(consumer.ledger().balanced()).isTrue();
    assertThat(consumer.eventSource().backlogPeak()).isPositive();
  }
}
