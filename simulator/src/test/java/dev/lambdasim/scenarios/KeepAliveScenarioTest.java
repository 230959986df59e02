package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.COLD_STARTS;
import static dev.lambdasim.metrics.PeriodColumn.INVOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.run.FunctionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/02-keep-alive.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class KeepAliveScenarioTest {
  private ScenarioRun run;

  @BeforeAll
  void run() throws Exception {
    run = ScenarioRun.of("02-keep-alive.yaml");
  }

  @Test
  void underTheKeepAliveOnlyTheFirstRequestIsCold() {
    FunctionSummary f = run.result.function("every-4m");
    assertThat(f.invocations()).isEqualTo(30);
    assertThat(f.coldStarts()).isEqualTo(1);
    assertThat(f.environmentsCreated()).isEqualTo(1);
    assertThat(f.latencyWarm()).isNotEmpty();
  }

  @Test
  void overTheKeepAliveEveryRequestIsCold() {
    FunctionSummary f = run.result.function("every-8m");
    assertThat(f.invocations()).isEqualTo(15);
    assertThat(f.coldStarts()).isEqualTo(15);
    // Each environment served one request and was reclaimed before the next arrived.
    assertThat(f.environmentsReclaimed()).isEqualTo(15);
    assertThat(f.latencyMs().p50()).isGreaterThan(f.durationMs().p50() + 200.0);
  }

  @Test
  void insideTheKeepAliveRangeAFewAreColdThenOneEnvironmentStays() {
    FunctionSummary f = run.result.function("every-6m");
    assertThat(f.invocations()).isEqualTo(20);
    assertThat(f.coldStarts()).isBetween(1L, 5L);
    // The cold starts come first: once an environment drew more than 6 minutes, it stays.
    long lastCold = run.rows("every-6m").stream().filter(r -> r.count(COLD_STARTS) > 0)
        .mapToLong(r -> (long) r.periodStartSeconds()).max().orElseThrow();
    assertThat(run.sum("every-6m", (int) (lastCold / 60) + 1, 120, r -> r.count(COLD_STARTS)))
        .isZero();
    assertThat(run.sum("every-6m", (int) (lastCold / 60) + 1, 120, r -> r.count(INVOCATIONS)))
        .isGreaterThan(10);
  }

  @Test
  void aLongerRunRecyclesEvenAWarmEnvironment() throws Exception {
    FunctionSummary f = ScenarioRun.of("02-keep-alive.yaml", "duration=3h").result
        .function("every-4m");
    assertThat(f.environmentsRecycled()).isEqualTo(1);
    assertThat(f.coldStarts()).isEqualTo(2);
  }

  @Test
  void aLongerKeepAliveMakesEveryEightMinutesWarm() throws Exception {
    FunctionSummary f = ScenarioRun.of("02-keep-alive.yaml",
        "functions[every-8m].keepAlive={dist: constant, value: 10m}").result.function("every-8m");
    assertThat(f.coldStarts()).isEqualTo(1);
  }
}
