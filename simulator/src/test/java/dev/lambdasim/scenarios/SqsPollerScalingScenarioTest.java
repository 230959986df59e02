package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.ESM_BACKLOG_MAX;
import static dev.lambdasim.metrics.PeriodColumn.ESM_CONCURRENCY_MAX;
import static dev.lambdasim.metrics.PeriodColumn.ITERATOR_AGE_MAX;
import static dev.lambdasim.metrics.PeriodColumn.MESSAGE_AGE_MAX;
import static dev.lambdasim.metrics.PeriodColumn.SQS_POLLER_CONCURRENCY_MAX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.run.FunctionSummary;
import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.Simulation;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/08-sqs-poller-scaling.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SqsPollerScalingScenarioTest {

  private RunResult result;
  private final List<PeriodRow> rows = new ArrayList<>();

  @BeforeAll
  void run() throws Exception {
    Scenario scenario = new ScenarioLoader()
        .load(Path.of("..", "scenarios", "08-sqs-poller-scaling.yaml"));
    result = new Simulation(scenario, row -> {
      if (row.function().equals("orders")) {
        rows.add(row);
      }
    }).run(ProgressListener.none());
  }

  @Test
  void theTrickleRunsAboutFortyBatches() {
    assertThat(rows.get(0).count(ESM_CONCURRENCY_MAX)).isBetween(35L, 50L);
  }

  @Test
  void concurrencyClimbsThreeHundredAMinuteAfterTheImport() {
    long oneMinuteAfter = rows.get(1).count(ESM_CONCURRENCY_MAX);
    long twoMinutesAfter = rows.get(2).count(ESM_CONCURRENCY_MAX);
    assertThat(oneMinuteAfter).isBetween(300L, 360L);
    assertThat(twoMinutesAfter - oneMinuteAfter).isEqualTo(300);
    assertThat(rows.get(2).count(SQS_POLLER_CONCURRENCY_MAX)).isEqualTo(twoMinutesAfter);
  }

  @Test
  void theBacklogDrainsALittleOverTwoMinutesAfterTheImport() {
    assertThat(rows.get(1).count(ESM_BACKLOG_MAX)).isGreaterThanOrEqualTo(200_000);
    assertThat(rows.get(2).count(ESM_BACKLOG_MAX)).isGreaterThan(100_000);
    assertThat(rows.get(3).count(ESM_BACKLOG_MAX)).isLessThan(20_000);
    assertThat(rows.get(4).count(ESM_BACKLOG_MAX)).isLessThan(100);
    assertThat(rows.get(3).value(MESSAGE_AGE_MAX)).isBetween(110_000.0, 125_000.0);
  }

  @Test
  void theRampNeverNeedsTheCapAndScalesBackDown() {
    FunctionSummary orders = result.function("orders");
    assertThat(orders.eventSource().pollerConcurrencyPeak()).isBetween(600L, 700L);
    assertThat(orders.concurrencyPeak()).isLessThan(1250);
    for (int m = 5; m < rows.size(); m++) {
      assertThat(rows.get(m).count(SQS_POLLER_CONCURRENCY_MAX)).as("minute %d", m).isLessThan(100);
    }
  }

  @Test
  void everyOrderIsProcessedAndNoneDeadLettered() {
    FunctionSummary orders = result.function("orders");
    assertThat(orders.eventSource().received()).isEqualTo(218_000);
    assertThat(orders.eventSource().backlogPeak()).isGreaterThanOrEqualTo(200_000);
    assertThat(orders.eventSource().messageAgeMs().max()).isBetween(110_000.0, 125_000.0);
    assertThat(orders.eventSource().failed()).isZero();
    assertThat(orders.ledger().succeeded() + orders.ledger().inFlightAtEnd()).isEqualTo(218_000);
    // A queue has no iterator.
    assertThat(rows).allMatch(r -> r.value(ITERATOR_AGE_MAX) == 0.0);
  }
}
