package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.COLD_STARTS;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.run.FunctionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/05-provisioned-concurrency.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ProvisionedConcurrencyScenarioTest {
  private ScenarioRun run;
  private FunctionSummary api;

  @BeforeAll
  void run() throws Exception {
    run = ScenarioRun.of("05-provisioned-concurrency.yaml");
    api = run.result.function("api");
  }

  @Test
  void noColdStartAtTheStartAndOnlyAHandfulOutsideThePeak() {
    assertThat(run.rows("api").get(0).count(COLD_STARTS)).isZero();
    assertThat(run.sum("api", 0, 30, r -> r.count(COLD_STARTS))
        + run.sum("api", 40, 60, r -> r.count(COLD_STARTS))).isLessThan(10);
  }

  @Test
  void thePeakSpillsOverToColdOnDemandEnvironments() {
    assertThat(api.coldStarts()).isBetween(20L, 40L);
    assertThat(run.rows("api").get(30).count(COLD_STARTS)).isGreaterThanOrEqualTo(15);
    long peakSpillover = run.sum("api", 30, 40,
        r -> r.count(PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS));
    assertThat(peakSpillover).isBetween(11_000L, 14_000L);
    assertThat(api.spilloverInvocations()).isBetween(11_000L, 14_000L);
    assertThat(run.sum("api", 0, 30, r -> r.count(PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS)))
        .isLessThan(30);
  }

  @Test
  void tenIdleOrBusyEnvironmentsAreBilledForTheWholeHour() {
    // 10 × 1 GB × 3,600 s at $0.0000041667 per GB-s.
    assertThat(api.cost().provisionedUsd()).isCloseTo(0.15, within(0.001));
    assertThat(api.cost().provisionedUsd() / api.cost().totalUsd()).isBetween(0.33, 0.5);
  }

  @Test
  void withoutProvisioningTheSameArrivalsCostLessWithMoreColdStarts() throws Exception {
    FunctionSummary none = ScenarioRun.of("05-provisioned-concurrency.yaml",
        "functions[api].provisionedConcurrency=0").result.function("api");
    assertThat(none.arrivals()).isEqualTo(api.arrivals());
    assertThat(none.coldStarts()).isGreaterThan(api.coldStarts() + 10);
    assertThat(none.cost().totalUsd()).isLessThan(api.cost().totalUsd());
  }

  @Test
  void provisioningForThePeakRemovesEveryColdStartForMoreThanTwiceTheBill() throws Exception {
    FunctionSummary peak = ScenarioRun.of("05-provisioned-concurrency.yaml",
        "functions[api].provisionedConcurrency=40").result.function("api");
    assertThat(peak.coldStarts()).isZero();
    assertThat(peak.spilloverInvocations()).isZero();
    assertThat(peak.cost().totalUsd()).isGreaterThan(2 * api.cost().totalUsd() - 0.05);
  }
}
