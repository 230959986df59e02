package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.ESM_BACKLOG_MAX;
import static dev.lambdasim.metrics.PeriodColumn.ITERATOR_AGE_AVG;
import static dev.lambdasim.metrics.PeriodColumn.ITERATOR_AGE_MAX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** What the narrative of {@code scenarios/09-stream-iterator-age.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class StreamIteratorAgeScenarioTest {

  private RunResult result;
  private final List<PeriodRow> clicks = new ArrayList<>();
  private final List<PeriodRow> parallel = new ArrayList<>();

  @BeforeAll
  void run() throws Exception {
    Scenario scenario = new ScenarioLoader()
        .load(Path.of("..", "scenarios", "09-stream-iterator-age.yaml"));
    result = new Simulation(scenario, row -> {
      if (row.function().equals("clicks")) {
        clicks.add(row);
      } else if (row.function().equals("clicks-parallel")) {
        parallel.add(row);
      }
    }).run(ProgressListener.none());
  }

  /** Slope 1 − 400 / 600 = 1/3: 20 s more behind every minute, ~200 s at 10 min, ~600 s at 30. */
  @Test
  void iteratorAgeGrowsTwentySecondsAMinute() {
    assertThat(clicks.get(9).value(ITERATOR_AGE_MAX) / 1000).isCloseTo(200.0, within(3.0));
    assertThat(clicks.get(29).value(ITERATOR_AGE_MAX) / 1000).isCloseTo(600.0, within(3.0));
    double slope = (clicks.get(29).value(ITERATOR_AGE_MAX) - clicks.get(9).value(ITERATOR_AGE_MAX))
        / 1000 / (20 * 60);
    assertThat(slope).isCloseTo(1.0 / 3, within(0.005));
    assertThat(clicks.get(29).value(ITERATOR_AGE_MAX) - clicks.get(29).value(ITERATOR_AGE_AVG))
        .isCloseTo(10_000.0, within(1_500.0));
  }

  @Test
  void theBacklogGrowsTwelveThousandRecordsAMinute() {
    assertThat(clicks.get(29).count(ESM_BACKLOG_MAX) - clicks.get(19).count(ESM_BACKLOG_MAX))
        .isCloseTo(120_000L, within(600L));
  }

  @Test
  void aParallelizationFactorOfTwoKeepsUp() {
    assertThat(parallel).allMatch(r -> r.value(ITERATOR_AGE_MAX) < 1000.0);
    FunctionSummary p = result.function("clicks-parallel");
    assertThat(p.concurrencyPeak()).isEqualTo(8);
    assertThat(p.eventSource().iteratorAgeMs().max()).isLessThan(1000.0);
    assertThat(p.eventSource().meanBatchSize()).isCloseTo(75.0, within(2.0));
  }

  @Test
  void theSlowConsumerRunsOneBatchPerShardWithFullBatches() {
    FunctionSummary c = result.function("clicks");
    assertThat(c.concurrencyPeak()).isEqualTo(4);
    assertThat(c.eventSource().meanBatchSize()).isCloseTo(100.0, within(0.1));
    assertThat(c.eventSource().iteratorAgeMs().max()).isCloseTo(600_000.0, within(5_000.0));
    assertThat(c.ledger().balanced()).isTrue();
  }
}
