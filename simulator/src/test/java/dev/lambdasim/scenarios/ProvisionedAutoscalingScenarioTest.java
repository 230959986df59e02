package dev.lambdasim.scenarios;

import static dev.lambdasim.metrics.PeriodColumn.ENVIRONMENTS_PROVISIONED_IDLE;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_CONFIGURED;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_READY;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.metrics.ScalingAction;
import dev.lambdasim.run.FunctionSummary;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the narrative of {@code scenarios/10-provisioned-autoscaling.yaml} (and its two sibling
 * files) claims, checked: the same day served by fixed, scheduled and target-tracking
 * provisioned concurrency, cold starts against cost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ProvisionedAutoscalingScenarioTest {
  private static final String FIXED = "10-provisioned-autoscaling.yaml";
  private static final String SCHEDULE = "10-provisioned-autoscaling-schedule.yaml";
  private static final String TARGET = "10-provisioned-autoscaling-target-tracking.yaml";
  private static final double NANOS_PER_SECOND = 1e9;

  private FunctionSummary fixed;
  private FunctionSummary schedule;
  private ScenarioRun targetRun;
  private FunctionSummary target;

  @BeforeAll
  void run() throws Exception {
    fixed = ScenarioRun.of(FIXED).result.function("api");
    schedule = ScenarioRun.of(SCHEDULE).result.function("api");
    targetRun = ScenarioRun.of(TARGET);
    target = targetRun.result.function("api");
  }

  @Test
  void theThreeFilesServeTheSameDay() {
    assertThat(fixed.arrivals()).isEqualTo(518_980L);
    assertThat(schedule.arrivals()).isEqualTo(fixed.arrivals());
    assertThat(target.arrivals()).isEqualTo(fixed.arrivals());
    assertThat(fixed.concurrencyPeak()).isBetween(30L, 36L);
  }

  @Test
  void fixedHasTheFewestColdStartsAndTheHighestProvisionedCost() {
    assertThat(fixed.coldStarts()).isLessThanOrEqualTo(3);
    assertThat(fixed.coldStarts()).isLessThanOrEqualTo(schedule.coldStarts());
    // 32 × 1 GB × 86,400 s at $0.0000041667 per GB-s.
    assertThat(fixed.provisioned().configuredGbSeconds()).isEqualTo(32.0 * 86_400);
    assertThat(fixed.cost().provisionedUsd()).isCloseTo(11.52, within(0.005));
    assertThat(fixed.provisioned().utilisationMean()).isBetween(0.18, 0.25);
    assertThat(fixed.cost().totalUsd()).isCloseTo(17.27, within(0.05));
  }

  @Test
  void theScheduleKeepsTheColdStartsAwayForLess() {
    assertThat(schedule.coldStarts()).isLessThanOrEqualTo(10);
    // 10·5 h + 20·3 h + 32·12 h + 20·2 h + 10·2 h = 554 environment-hours.
    assertThat(schedule.provisioned().configuredGbSeconds()).isEqualTo(554.0 * 3_600);
    assertThat(schedule.cost().provisionedUsd()).isCloseTo(8.31, within(0.005));
    assertThat(schedule.cost().totalUsd()).isCloseTo(14.06, within(0.05));
    assertThat(1.0 - schedule.cost().totalUsd() / fixed.cost().totalUsd()).isBetween(0.17, 0.21);
    assertThat(schedule.provisioned().scalingActions()).isEqualTo(4);
  }

  @Test
  void targetTrackingIsCheapestButLeavesColdStarts() {
    assertThat(target.coldStarts()).isBetween(200L, 290L);
    assertThat(target.spilloverInvocations()).isBetween(22_000L, 31_000L);
    assertThat(target.cost().provisionedUsd()).isCloseTo(3.92, within(0.05));
    assertThat(target.cost().totalUsd()).isCloseTo(9.88, within(0.1));
  }

  @Test
  void costsFallAndColdStartsRiseFromFixedToScheduleToTargetTracking() {
    assertThat(fixed.cost().totalUsd()).isGreaterThan(schedule.cost().totalUsd());
    assertThat(schedule.cost().totalUsd()).isGreaterThan(target.cost().totalUsd());
    assertThat(fixed.cost().provisionedUsd()).isGreaterThan(schedule.cost().provisionedUsd());
    assertThat(schedule.cost().provisionedUsd()).isGreaterThan(target.cost().provisionedUsd());
    assertThat(target.coldStarts()).isGreaterThan(10 * schedule.coldStarts());
  }

  @Test
  void targetTrackingCostsAboutAsMuchAsNoProvisioningWithAQuarterFewerColdStarts()
      throws Exception {
    FunctionSummary none = ScenarioRun.of(FIXED, "functions[api].provisionedConcurrency=0")
        .result.function("api");
    assertThat(none.arrivals()).isEqualTo(target.arrivals());
    assertThat(none.coldStarts()).isBetween(280L, 360L);
    assertThat(none.cost().totalUsd()).isCloseTo(9.78, within(0.1));
    assertThat(target.cost().totalUsd() / none.cost().totalUsd()).isBetween(0.97, 1.05);
    assertThat((double) target.coldStarts() / none.coldStarts()).isBetween(0.65, 0.85);
  }

  @Test
  void eachScaleOutFollowsThreeHighDataPointsAndIsReadyAMinuteLater() {
    List<ScalingAction> outs = target.provisioned().actions().stream()
        .filter(a -> a.to() > a.from()).toList();
    assertThat(outs).hasSize(13);
    List<PeriodRow> rows = targetRun.rows("api");
    for (ScalingAction out : outs) {
      assertThat(out.reason()).contains("3 data points");
      int minute = (int) (out.timeNanos() / NANOS_PER_SECOND / 60);
      assertThat(out.timeNanos()).isEqualTo(minute * 60L * 1_000_000_000L);
      assertThat(out.timeNanos() / NANOS_PER_SECOND).isLessThan(14 * 3_600);
      // The three minutes before: busy ÷ ready provisioned environments above the target.
      for (int m = minute - 3; m < minute; m++) {
        PeriodRow row = rows.get(m);
        double ready = row.value(PROVISIONED_CONCURRENCY_READY);
        double busy = ready - row.value(ENVIRONMENTS_PROVISIONED_IDLE);
        assertThat(busy / ready).as("minute %d before the scale-out at %d", m, minute)
            .isGreaterThan(0.7);
      }
      // Configured at once; ready only after the allocation delay (1 minute).
      assertThat(rows.get(minute).value(PROVISIONED_CONCURRENCY_CONFIGURED)).isEqualTo(out.to());
      assertThat(rows.get(minute).value(PROVISIONED_CONCURRENCY_READY))
          .isLessThanOrEqualTo(out.from());
      assertThat(rows.get(minute + 1).value(PROVISIONED_CONCURRENCY_READY))
          .isGreaterThan(out.to() - 1.0);
    }
  }

  @Test
  void scaleInWaitsForFifteenLowDataPointsAndStepsDownByOne() {
    List<ScalingAction> ins = target.provisioned().actions().stream()
        .filter(a -> a.to() < a.from()).toList();
    assertThat(ins).hasSize(14);
    assertThat(ins).allSatisfy(a -> {
      assertThat(a.from() - a.to()).isEqualTo(1);
      assertThat(a.reason()).contains("15 data points");
      assertThat(a.timeNanos() / NANOS_PER_SECOND).isGreaterThan(14 * 3_600);
    });
    for (int i = 1; i < ins.size(); i++) {
      assertThat(ins.get(i).timeNanos() - ins.get(i - 1).timeNanos())
          .isGreaterThanOrEqualTo(15L * 60 * 1_000_000_000L);
    }
  }

  @Test
  void theMorningRampOutrunsTheScalerAndSpillsOverMost() {
    long morning = targetRun.sum("api", 6 * 60, 9 * 60,
        r -> r.count(PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS));
    long afternoon = targetRun.sum("api", 13 * 60, 20 * 60,
        r -> r.count(PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS));
    assertThat(morning / 3).isGreaterThan(2_000L);
    assertThat(afternoon / 7).isLessThan(1_000L);
  }

  @Test
  void trackingTheMaximumProvisionsForTheBurstsForAboutTheScheduleCost() throws Exception {
    FunctionSummary maximum = ScenarioRun.of(TARGET,
        "functions[api].provisionedConcurrency.autoscaling.statistic=Maximum")
        .result.function("api");
    assertThat(maximum.coldStarts()).isLessThanOrEqualTo(10);
    assertThat(maximum.cost().totalUsd()).isCloseTo(14.36, within(0.1));
  }

  @Test
  void aLowerTargetHalvesTheGapForMoreMoney() throws Exception {
    FunctionSummary low = ScenarioRun.of(TARGET,
        "functions[api].provisionedConcurrency.autoscaling.targetUtilization=0.4")
        .result.function("api");
    assertThat(low.coldStarts()).isBetween(40L, 100L);
    assertThat(low.cost().totalUsd()).isCloseTo(12.62, within(0.1));
  }
}
