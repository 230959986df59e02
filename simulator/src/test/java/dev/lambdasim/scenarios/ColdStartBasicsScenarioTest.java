package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.COLD_STARTS;
import static dev.lambdasim.metrics.PeriodColumn.ENVIRONMENTS_BUSY;
import static dev.lambdasim.metrics.PeriodColumn.ENVIRONMENTS_IDLE;
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

/** What the narrative of {@code scenarios/01-cold-start-basics.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ColdStartBasicsScenarioTest {

  private RunResult result;
  private final List<PeriodRow> rows = new ArrayList<>();

  @BeforeAll
  void run() throws Exception {
    Scenario scenario = new ScenarioLoader()
        .load(Path.of("..", "scenarios", "01-cold-start-basics.yaml"));
    result = new Simulation(scenario, row -> {
      if (row.function().equals("api")) {
        rows.add(row);
      }
    }).run(ProgressListener.none());
  }

  private PeriodRow minute(int minute) {
    return rows.get(minute);
  }

  @Test
  void fewerThanOnePercentOfRequestsAreCold() {
    FunctionSummary api = result.function("api");
    assertThat(api.invocations()).isBetween(12_000L, 13_200L);
    assertThat(api.coldStartRate()).isPositive().isLessThan(0.01);
  }

  @Test
  void coldStartsSetTheTailThatDurationDoesNotShow() {
    FunctionSummary api = result.function("api");
    assertThat(api.latencyMs().p99()).isGreaterThan(api.durationMs().p99());
    assertThat(api.latencyMs().max()).isGreaterThan(1000.0);
  }

  @Test
  void coldStartsClusterAtTheStartTheBurstAndAfterThePause() {
    assertThat(minute(0).count(COLD_STARTS)).isPositive();
    assertThat(minute(30).count(COLD_STARTS)).isGreaterThanOrEqualTo(90);
    assertThat(minute(75).count(COLD_STARTS)).isPositive();
    long elsewhere = rows.stream().mapToLong(r -> r.count(COLD_STARTS)).sum()
        - minute(0).count(COLD_STARTS) - minute(30).count(COLD_STARTS)
        - minute(75).count(COLD_STARTS);
    assertThat(elsewhere).isLessThanOrEqualTo(10);
  }

  @Test
  void burstEnvironmentsIdleForTheirKeepAliveThenVanish() {
    assertThat(minute(31).value(ENVIRONMENTS_IDLE)).isGreaterThan(90.0);
    assertThat(minute(34).value(ENVIRONMENTS_IDLE)).isGreaterThan(90.0);
    assertThat(minute(38).value(ENVIRONMENTS_IDLE)).isLessThan(10.0);
  }

  @Test
  void thePauseEmptiesThePool() {
    for (int m = 68; m < 75; m++) {
      assertThat(minute(m).value(ENVIRONMENTS_IDLE) + minute(m).value(ENVIRONMENTS_BUSY))
          .as("minute %d", m).isZero();
    }
  }
}
