package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules that span fields are checked too, and located at the field that breaks them. */
final class CrossFieldTest {

  private static final String TWO = """
      name: t
      duration: 1h
      account: {concurrencyLimit: 100, unreservedMinimum: 10}
      functions:
        - name: api
          duration: {dist: constant, value: 10ms}
          reservedConcurrency: 50
          traffic: [{poisson: {rate: 1/s}}]
        - name: api
          duration: {dist: constant, value: 10ms}
          provisionedConcurrency: 41
          traffic: [{poisson: {rate: 1/s}}]
      """;

  static Stream<Arguments> broken() {
    return Stream.of(
        rejected("claims beyond the unreserved minimum point at the function that overflows, "
            + "and a duplicate name at the second", TWO,
            "x.yaml:9:11: functions[1].name: duplicate function name 'api' (first used at line 5; "
                + "allowed: unique names)",
            "x.yaml:11:29: functions[1].provisionedConcurrency: functions claim 91 concurrency "
                + "in total (api 50 + api 41), more than concurrencyLimit 100 - unreservedMinimum "
                + "10 = 90 (allowed: total <= 90)"),
        rejected("provisioned above reserved",
            withFunctionLines("reservedConcurrency: 5", "provisionedConcurrency: 6"),
            "x.yaml:9:29: functions[0].provisionedConcurrency: 6 is above reservedConcurrency 5 "
                + "(allowed 0..5)"),
        rejected("warmup not shorter than duration", MINIMAL + "warmup: 1h\n",
            "x.yaml:8:9: warmup: '1h' is not shorter than duration '1h' (allowed: 0s <= warmup "
                + "< duration)"),
        rejected("metricsPeriod longer than duration", MINIMAL + "metricsPeriod: 2h\n",
            "x.yaml:8:16: metricsPeriod: '2h' is above the maximum the duration 1h (allowed "
                + "1s..the duration 1h)"),
        rejected("a burst after the end",
            MINIMAL.replace("poisson: {rate: 1/s}", "burst: {at: 2h, count: 10}"),
            "x.yaml:7:21: functions[0].traffic[0].burst.at: '2h' is not before the scenario "
                + "duration (allowed: at < duration)"),
        rejected("a traffic window backwards",
            MINIMAL.replace("{rate: 1/s}", "{rate: 1/s, from: 10m, to: 5m}"),
            "x.yaml:7:45: functions[0].traffic[0].poisson.to: '5m' is not after from '10m' "
                + "(allowed: from < to)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void broken(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
