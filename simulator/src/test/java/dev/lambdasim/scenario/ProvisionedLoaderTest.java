package dev.lambdasim.scenario;

import dev.lambdasim.spec.ProvisionedSpec;

import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.ProvisionedSpec.AllocationRamp;
import dev.lambdasim.spec.ProvisionedSpec.AutoscalingSpec;
import dev.lambdasim.spec.ProvisionedSpec.ScheduledAction;
import dev.lambdasim.spec.ProvisionedSpec.Statistic;
import org.junit.jupiter.api.Test;

/**
 * {@code provisionedConcurrency} loads as an integer (a fixed value) or as a mapping of a fixed
 * value, a schedule and an auto scaler, into exact nanoseconds with the documented defaults; each
 * malformed form is rejected with its field path, line, column and what is allowed, and the
 * largest value it can ever reach is what the reserved and account checks compare.
 */
final class ProvisionedLoaderTest {

  private static final long S = 1_000_000_000L;
  private static final long MIN = 60 * S;
  private static final long H = 60 * MIN;
  private static final long D = 24 * H;
  private static final String PC = "functions[0].provisionedConcurrency";

  /** Returns the function's provisioned spec of MINIMAL with {@code lines} as its value. */
  private static ProvisionedSpec load(String... lines) throws ScenarioException {
    return parse(provisioned(lines)).functions().get(0).concurrency().provisioned();
  }

  /**
   * Returns MINIMAL, lengthened to two days so daily schedules fit, with
   * {@code provisionedConcurrency:} on line 8 and {@code lines} from 9 on.
   */
  private static String provisioned(String... lines) {
    String[] all = new String[lines.length + 1];
    all[0] = "provisionedConcurrency:";
    for (int i = 0; i < lines.length; i++) {
      all[i + 1] = "  " + lines[i];
    }
    return twoDays(withFunctionLines(all));
  }

  private static String twoDays(String yaml) {
    return yaml.replaceFirst("(?m)^duration: 1h$", "duration: 2d");
  }

  @Test
  void scheduledActionAfterTheRunIsAnError() {
    String yaml = withFunctionLines("provisionedConcurrency:", "  schedule: [{at: 2h, value: 3}]");
    assertProblem(yaml, PC + ".schedule[0].at", 9, column(yaml, 9, "2h"),
        "is not before the scenario duration", "allowed: at < duration");
  }

  @Test
  void fullMappingLoadsExactly() throws ScenarioException {
    ProvisionedSpec spec = load(
        "fixed: 10",
        "schedule:",
        "  - {at: 8h, repeat: 1d, value: 50}",
        "  - {at: 20.5h, min: 5, max: 100}",
        "autoscaling:",
        "  targetUtilization: 0.6",
        "  min: 5",
        "  max: 200",
        "  statistic: Maximum",
        "  scaleOutDataPoints: 2",
        "  scaleInDataPoints: 10",
        "  scaleInRatio: 0.8",
        "  scaleOutCooldown: 30s",
        "  scaleInCooldown: 1.5m",
        "allocationDelay: 90s",
        "allocationRamp: legacy");

    assertThat(spec.initial()).isEqualTo(10);
    assertThat(spec.schedule()).containsExactly(
        new ScheduledAction(8 * H, D, 50, null, null),
        new ScheduledAction(20 * H + 30 * MIN, 0, null, 5, 100));
    assertThat(spec.autoscaling()).isEqualTo(new AutoscalingSpec(0.6, 5, 200, Statistic.MAXIMUM,
        /* scaleOutDataPoints= */ 2, /* scaleInDataPoints= */ 10, /* scaleInRatio= */ 0.8,
        30 * S, 90 * S));
    assertThat(spec.allocationDelayNanos()).isEqualTo(90 * S);
    assertThat(spec.ramp()).isEqualTo(AllocationRamp.LEGACY);
    assertThat(spec.isFixed()).isFalse();
    assertThat(spec.maxPossible()).isEqualTo(200);
  }

  @Test
  void autoscalingDefaultsAndInitialAtItsMin() throws ScenarioException {
    ProvisionedSpec spec = load("autoscaling: {min: 3, max: 40}");

    assertThat(spec.initial()).as("fixed absent: start at the auto scaler's min").isEqualTo(3);
    assertThat(spec.autoscaling()).isEqualTo(new AutoscalingSpec(0.7, 3, 40, Statistic.AVERAGE,
        /* scaleOutDataPoints= */ 3, /* scaleInDataPoints= */ 15, /* scaleInRatio= */ 0.9,
        0, 0));
    assertThat(spec.schedule()).isEmpty();
    assertThat(spec.allocationDelayNanos()).isEqualTo(MIN);
    assertThat(spec.ramp()).isEqualTo(AllocationRamp.CURRENT);
  }

  @Test
  void autoscalingMinDefaultsToZero() throws ScenarioException {
    ProvisionedSpec spec = load("autoscaling: {max: 40}");

    assertThat(spec.autoscaling().min()).isZero();
    assertThat(spec.initial()).isZero();
  }

  @Test
  void scheduleAloneStartsAtZero() throws ScenarioException {
    ProvisionedSpec spec = load("schedule: [{at: 10m, value: 7}, {at: 40m, value: 2}]");

    assertThat(spec.initial()).isZero();
    assertThat(spec.schedule()).containsExactly(new ScheduledAction(10 * MIN, 0, 7, null, null),
        new ScheduledAction(40 * MIN, 0, 2, null, null));
    assertThat(spec.autoscaling()).isNull();
    assertThat(spec.maxPossible()).isEqualTo(7);
  }

  @Test
  void integerMeansFixed() throws ScenarioException {
    ProvisionedSpec spec = parse(withFunctionLines("provisionedConcurrency: 12"))
        .functions().get(0).concurrency().provisioned();

    assertThat(spec).isEqualTo(ProvisionedSpec.fixed(12));
    assertThat(spec.isFixed()).isTrue();
    assertThat(spec.allocationDelayNanos()).isEqualTo(MIN);
  }

  // Malformed values: each at its own field, line and column, with what is allowed.

  @Test
  void targetUtilizationAboveNinetyPercent() {
    String yaml = provisioned("autoscaling: {targetUtilization: 0.95, max: 10}");
    assertProblem(yaml, PC + ".autoscaling.targetUtilization", 9, column(yaml, 9, "0.95"),
        "0.95 is above the maximum 0.9", "allowed 0.1..0.9");
  }

  @Test
  void autoscalingMinAboveMax() {
    String yaml = provisioned("autoscaling: {min: 20, max: 10}");
    assertProblem(yaml, PC + ".autoscaling.min", 9, column(yaml, 9, "20"),
        "20 is above max 10", "allowed: min <= max");
  }

  @Test
  void autoscalingWithoutMax() {
    String yaml = provisioned("autoscaling: {min: 2}");
    assertProblem(yaml, PC + ".autoscaling.max", 9, column(yaml, 9, "{min"),
        "required field 'max' is missing", "the most provisioned concurrency");
  }

  @Test
  void statisticAbbreviated() {
    String yaml = provisioned("autoscaling: {max: 10, statistic: Avg}");
    assertProblem(yaml, PC + ".autoscaling.statistic", 9, column(yaml, 9, "Avg"),
        "'Avg' is not allowed", "did you mean 'Average'?", "allowed Average | Maximum");
  }

  @Test
  void statisticInLowerCase() {
    String yaml = provisioned("autoscaling: {max: 10, statistic: maximum}");
    assertProblem(yaml, PC + ".autoscaling.statistic", 9, column(yaml, 9, "maximum"),
        "'maximum' is not allowed", "did you mean 'Maximum'?", "allowed Average | Maximum");
  }

  @Test
  void scheduleNotAList() {
    String yaml = provisioned("schedule: {at: 8h, value: 5}");
    assertProblem(yaml, PC + ".schedule", 9, column(yaml, 9, "{at"),
        "is not allowed here", "expected a list of actions", "[{at: 8h, value: 50, repeat: 1d}]");
  }

  @Test
  void actionWithoutAt() {
    String yaml = provisioned("schedule:", "  - {value: 5}");
    assertProblem(yaml, PC + ".schedule[0].at", 10, column(yaml, 10, "{value"),
        "required field 'at' is missing", "e.g. 8h");
  }

  @Test
  void actionWithoutValueOrBounds() {
    String yaml = provisioned("schedule:", "  - {at: 8h, repeat: 1d}");
    assertProblem(yaml, PC + ".schedule[0]", 10, column(yaml, 10, "{at"),
        "needs value, or min and/or max", "{at: 8h, value: 50}", "{at: 8h, min: 5, max: 100}");
  }

  @Test
  void repeatBelowOneMinute() {
    String yaml = provisioned("schedule:", "  - {at: 8h, repeat: 30s, value: 5}");
    assertProblem(yaml, PC + ".schedule[0].repeat", 10, column(yaml, 10, "30s"),
        "'30s' is below the minimum 1m", "allowed at least 1m");
  }

  @Test
  void boundsInAScheduleWithoutAutoscaling() {
    String yaml = provisioned("fixed: 2", "schedule:", "  - {at: 8h, min: 1, max: 9}");
    assertProblem(yaml, PC + ".schedule[0]", 11, column(yaml, 11, "{at"),
        "min and max bound the auto scaler, but there is no autoscaling block",
        "allowed: value alone, or add autoscaling");
  }

  @Test
  void fixedOutsideTheAutoscalerBounds() {
    String yaml = provisioned("fixed: 50", "autoscaling: {min: 5, max: 20}");
    assertProblem(yaml, PC + ".fixed", 9, column(yaml, 9, "50"),
        "50 is outside the auto scaler's bounds", "allowed 5..20");
  }

  @Test
  void allocationDelayAboveFifteenMinutes() {
    String yaml = provisioned("fixed: 2", "allocationDelay: 20m");
    assertProblem(yaml, PC + ".allocationDelay", 10, column(yaml, 10, "20m"),
        "'20m' is above the maximum 15m", "allowed 0s..15m");
  }

  @Test
  void allocationRampNotAnOption() {
    String yaml = provisioned("fixed: 2", "allocationRamp: fast");
    assertProblem(yaml, PC + ".allocationRamp", 10, column(yaml, 10, "fast"),
        "'fast' is not allowed", "allowed current | legacy");
  }

  @Test
  void unknownFieldSuggestsTheClosest() {
    String yaml = provisioned("fixed: 2", "schedules: [{at: 8h, value: 5}]");
    assertProblem(yaml, PC + ".schedules", 10, column(yaml, 10, "schedules"),
        "unknown field 'schedules'", "did you mean 'schedule'?",
        "allowed: fixed, schedule, autoscaling, allocationDelay, allocationRamp");
  }

  @Test
  void unknownAutoscalingFieldSuggestsTheClosest() {
    String yaml = provisioned("autoscaling: {max: 10, targetUtilisation: 0.5}");
    assertProblem(yaml, PC + ".autoscaling.targetUtilisation", 9,
        column(yaml, 9, "targetUtilisation"), "unknown field 'targetUtilisation'",
        "did you mean 'targetUtilization'?", "allowed: targetUtilization, min, max, statistic, "
            + "scaleOutDataPoints, scaleInDataPoints, scaleInRatio, scaleOutCooldown, "
            + "scaleInCooldown");
  }

  @Test
  void mappingWithoutAnyValue() {
    String yaml = provisioned("allocationDelay: 2m");
    assertProblem(yaml, PC + ".fixed", 9, column(yaml, 9, "allocationDelay"),
        "required field 'fixed' is missing", "an integer >= 0, or a schedule or autoscaling");
  }

  @Test
  void negativeValueInASchedule() {
    String yaml = provisioned("schedule:", "  - {at: 8h, value: -1}");
    assertProblem(yaml, PC + ".schedule[0].value", 10, column(yaml, 10, "-1"),
        "-1 is below the minimum 0", "allowed 0..1000000");
  }

  // Cross-field: the largest value the configuration can reach is what counts.

  @Test
  void scheduledValueAboveReserved() {
    String yaml = twoDays(withFunctionLines("reservedConcurrency: 20", "provisionedConcurrency:",
        "  fixed: 5", "  schedule: [{at: 8h, value: 30}]"));
    assertProblem(yaml, PC, 10, column(yaml, 10, "fixed"),
        "its largest possible value 30 is above reservedConcurrency 20", "allowed 0..20");
  }

  @Test
  void autoscalingMaxAboveReserved() {
    String yaml = withFunctionLines("reservedConcurrency: 20", "provisionedConcurrency:",
        "  autoscaling: {min: 1, max: 25}");
    assertProblem(yaml, PC, 10, column(yaml, 10, "autoscaling"),
        "its largest possible value 25 is above reservedConcurrency 20", "allowed 0..20");
  }

  @Test
  void accountClaimsCountTheLargestPossibleValue() {
    String yaml = """
        name: t
        duration: 1h
        account: {concurrencyLimit: 100, unreservedMinimum: 10}
        functions:
          - name: api
            duration: {dist: constant, value: 10ms}
            reservedConcurrency: 50
            traffic: [{poisson: {rate: 1/s}}]
          - name: batch
            duration: {dist: constant, value: 10ms}
            provisionedConcurrency: {fixed: 1, autoscaling: {min: 1, max: 41}}
            traffic: [{poisson: {rate: 1/s}}]
        """;
    assertProblem(yaml, "functions[1].provisionedConcurrency", 11, column(yaml, 11, "{fixed"),
        "claim 91 concurrency in total (api 50 + batch 41)",
        "concurrencyLimit 100 - unreservedMinimum 10 = 90", "allowed: total <= 90");
  }

  @Test
  void accountClaimsWithinTheLimitLoad() throws ScenarioException {
    String yaml = """
        name: t
        duration: 1h
        account: {concurrencyLimit: 100, unreservedMinimum: 10}
        functions:
          - name: api
            duration: {dist: constant, value: 10ms}
            reservedConcurrency: 50
            traffic: [{poisson: {rate: 1/s}}]
          - name: batch
            duration: {dist: constant, value: 10ms}
            provisionedConcurrency: {fixed: 1, autoscaling: {min: 1, max: 40}}
            traffic: [{poisson: {rate: 1/s}}]
        """;
    assertThat(parse(yaml).functions().get(1).concurrency().provisioned().maxPossible()).isEqualTo(40);
  }
}
