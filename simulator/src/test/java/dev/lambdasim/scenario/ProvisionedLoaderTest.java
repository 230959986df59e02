package dev.lambdasim.scenario;

import dev.lambdasim.spec.ProvisionedSpec;

import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.ProvisionedSpec.AllocationRamp;
import dev.lambdasim.spec.ProvisionedSpec.AutoscalingSpec;
import dev.lambdasim.spec.ProvisionedSpec.ScheduledAction;
import dev.lambdasim.spec.ProvisionedSpec.Statistic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  /**
   * Malformed values, each at its own field, line and column, with what is allowed; and the
   * cross-field rules, where the largest value the configuration can reach is what counts.
   */
  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("a scheduled action after the run",
            withFunctionLines("provisionedConcurrency:", "  schedule: [{at: 2h, value: 3}]"),
            "x.yaml:9:23: functions[0].provisionedConcurrency.schedule[0].at: '2h' is not "
                + "before the scenario duration, so the action would never happen (allowed: at "
                + "< duration)"),
        rejected("targetUtilization above 90 %",
            provisioned("autoscaling: {targetUtilization: 0.95, max: 10}"),
            "x.yaml:9:40: functions[0].provisionedConcurrency.autoscaling.targetUtilization: "
                + "0.95 is above the maximum 0.9 (allowed 0.1..0.9)"),
        rejected("autoscaling min above max", provisioned("autoscaling: {min: 20, max: 10}"),
            "x.yaml:9:26: functions[0].provisionedConcurrency.autoscaling.min: 20 is above max "
                + "10 (allowed: min <= max)"),
        rejected("autoscaling without max", provisioned("autoscaling: {min: 2}"),
            "x.yaml:9:20: functions[0].provisionedConcurrency.autoscaling.max: required field "
                + "'max' is missing (the most provisioned concurrency the auto scaler may set)"),
        rejected("an abbreviated statistic", provisioned("autoscaling: {max: 10, statistic: Avg}"),
            "x.yaml:9:41: functions[0].provisionedConcurrency.autoscaling.statistic: 'Avg' is "
                + "not allowed (did you mean 'Average'?) (allowed Average | Maximum)"),
        rejected("a statistic in lower case",
            provisioned("autoscaling: {max: 10, statistic: maximum}"),
            "x.yaml:9:41: functions[0].provisionedConcurrency.autoscaling.statistic: 'maximum' "
                + "is not allowed (did you mean 'Maximum'?) (allowed Average | Maximum)"),
        rejected("a schedule that is not a list", provisioned("schedule: {at: 8h, value: 5}"),
            "x.yaml:9:17: functions[0].provisionedConcurrency.schedule: a mapping is not "
                + "allowed here; expected a list of actions like [{at: 8h, value: 50, repeat: "
                + "1d}]"),
        rejected("an action without at", provisioned("schedule:", "  - {value: 5}"),
            "x.yaml:10:11: functions[0].provisionedConcurrency.schedule[0].at: required field "
                + "'at' is missing (an offset from the start of the run, e.g. 8h)"),
        rejected("an action without value or bounds",
            provisioned("schedule:", "  - {at: 8h, repeat: 1d}"),
            "x.yaml:10:11: functions[0].provisionedConcurrency.schedule[0]: an action needs "
                + "value, or min and/or max (allowed: {at: 8h, value: 50} or {at: 8h, min: 5, "
                + "max: 100})"),
        rejected("repeat below one minute",
            provisioned("schedule:", "  - {at: 8h, repeat: 30s, value: 5}"),
            "x.yaml:10:28: functions[0].provisionedConcurrency.schedule[0].repeat: '30s' is "
                + "below the minimum 1m (allowed at least 1m)"),
        rejected("bounds in a schedule without autoscaling",
            provisioned("fixed: 2", "schedule:", "  - {at: 8h, min: 1, max: 9}"),
            "x.yaml:11:11: functions[0].provisionedConcurrency.schedule[0]: min and max bound "
                + "the auto scaler, but there is no autoscaling block (allowed: value alone, or "
                + "add autoscaling)"),
        rejected("fixed outside the auto scaler's bounds",
            provisioned("fixed: 50", "autoscaling: {min: 5, max: 20}"),
            "x.yaml:9:14: functions[0].provisionedConcurrency.fixed: 50 is outside the auto "
                + "scaler's bounds (allowed 5..20)"),
        rejected("allocationDelay above 15 minutes",
            provisioned("fixed: 2", "allocationDelay: 20m"),
            "x.yaml:10:24: functions[0].provisionedConcurrency.allocationDelay: '20m' is above "
                + "the maximum 15m (allowed 0s..15m)"),
        rejected("an allocationRamp that is not an option",
            provisioned("fixed: 2", "allocationRamp: fast"),
            "x.yaml:10:23: functions[0].provisionedConcurrency.allocationRamp: 'fast' is not "
                + "allowed (allowed current | legacy)"),
        rejected("an unknown field suggests the closest",
            provisioned("fixed: 2", "schedules: [{at: 8h, value: 5}]"),
            "x.yaml:10:7: functions[0].provisionedConcurrency.schedules: unknown field "
                + "'schedules' (did you mean 'schedule'?); allowed: fixed, schedule, "
                + "autoscaling, allocationDelay, allocationRamp"),
        rejected("an unknown autoscaling field suggests the closest",
            provisioned("autoscaling: {max: 10, targetUtilisation: 0.5}"),
            "x.yaml:9:30: functions[0].provisionedConcurrency.autoscaling.targetUtilisation: "
                + "unknown field 'targetUtilisation' (did you mean 'targetUtilization'?); "
                + "allowed: targetUtilization, min, max, statistic, scaleOutDataPoints, "
                + "scaleInDataPoints, scaleInRatio, scaleOutCooldown, scaleInCooldown"),
        rejected("a mapping without any value", provisioned("allocationDelay: 2m"),
            "x.yaml:9:7: functions[0].provisionedConcurrency.fixed: required field 'fixed' is "
                + "missing (an integer >= 0, or a schedule or autoscaling)"),
        rejected("a negative value in a schedule",
            provisioned("schedule:", "  - {at: 8h, value: -1}"),
            "x.yaml:10:27: functions[0].provisionedConcurrency.schedule[0].value: -1 is below "
                + "the minimum 0 (allowed 0..1000000)"),
        rejected("a scheduled value above reserved", twoDays(withFunctionLines(
            "reservedConcurrency: 20", "provisionedConcurrency:", "  fixed: 5",
            "  schedule: [{at: 8h, value: 30}]")),
            "x.yaml:10:7: functions[0].provisionedConcurrency: its largest possible value 30 is "
                + "above reservedConcurrency 20 (allowed 0..20)"),
        rejected("an autoscaling max above reserved", withFunctionLines("reservedConcurrency: 20",
            "provisionedConcurrency:", "  autoscaling: {min: 1, max: 25}"),
            "x.yaml:10:7: functions[0].provisionedConcurrency: its largest possible value 25 is "
                + "above reservedConcurrency 20 (allowed 0..20)"),
        rejected("account claims count the largest possible value", """
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
            """,
            "x.yaml:11:29: functions[1].provisionedConcurrency: functions claim 91 concurrency "
                + "in total (api 50 + batch 41), more than concurrencyLimit 100 - "
                + "unreservedMinimum 10 = 90 (allowed: total <= 90)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
