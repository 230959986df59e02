package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.COLD_STARTS;
import static dev.lambdasim.metrics.PeriodColumn.ENVIRONMENTS_IDLE;
import static dev.lambdasim.metrics.PeriodColumn.THROTTLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.run.FunctionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/03-burst-throttling.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BurstThrottlingScenarioTest {
  private static final String SCALING = "ScalingRateExceeded";
  private ScenarioRun perFunction;
  private ScenarioRun legacy;

  @BeforeAll
  void run() throws Exception {
    perFunction = ScenarioRun.of("03-burst-throttling.yaml");
    legacy = ScenarioRun.of("03-burst-throttling.yaml", "account.scaling=legacy-burst");
  }

  @Test
  void theBurstGetsAThousandNewEnvironmentsAndTheRestIsThrottled() {
    FunctionSummary api = perFunction.result.function("api");
    assertThat(api.throttles()).isBetween(1_900L, 2_000L);
    assertThat(api.throttlesByReason().get(SCALING)).isEqualTo(api.throttles());
    assertThat(api.coldStarts()).isBetween(1_050L, 1_100L);
    assertThat(api.concurrencyPeak()).isBetween(1_050L, 1_100L).isLessThan(5_000L);
  }

  @Test
  void throttlesAreAllInTheMinuteOfTheBurst() {
    PeriodRow minute2 = perFunction.rows("api").get(2);
    assertThat(minute2.count(THROTTLES)).isEqualTo(perFunction.result.function("api").throttles());
    assertThat(minute2.count(COLD_STARTS)).isGreaterThanOrEqualTo(1_000L);
  }

  @Test
  void burstEnvironmentsIdleThenAreReclaimed() {
    assertThat(perFunction.rows("api").get(3).value(ENVIRONMENTS_IDLE)).isGreaterThan(900.0);
    assertThat(perFunction.rows("api").get(9).value(ENVIRONMENTS_IDLE)).isLessThan(100.0);
  }

  @Test
  void legacyBurstServesTheWholeBurst() {
    FunctionSummary api = legacy.result.function("api");
    assertThat(api.throttles()).isZero();
    assertThat(api.coldStarts()).isBetween(3_000L, 3_100L);
    assertThat(api.concurrencyPeak()).isBetween(3_000L, 3_100L);
  }

  @Test
  void theSameArrivalsUnderBothModels() {
    assertThat(legacy.result.function("api").arrivals())
        .isEqualTo(perFunction.result.function("api").arrivals());
  }

  @Test
  void aBurstOfAThousandJustFits() throws Exception {
    FunctionSummary api = ScenarioRun.of("03-burst-throttling.yaml",
        "functions[api].traffic[1].burst.count=1000").result.function("api");
    assertThat(api.throttles()).isZero();
  }
}
