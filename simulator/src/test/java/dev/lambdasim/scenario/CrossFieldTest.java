package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;

import org.junit.jupiter.api.Test;

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

  @Test
  void claimsBeyondTheUnreservedMinimumPointAtTheFunctionThatOverflows() {
    assertProblem(TWO, "functions[1].provisionedConcurrency", 11, 29,
        "claim 91 concurrency in total (api 50 + api 41)", "concurrencyLimit 100 - unreservedMinimum 10 = 90");
  }

  @Test
  void duplicateNamePointsAtTheSecond() {
    assertProblem(TWO, "functions[1].name", 9, 11, "duplicate function name 'api'", "first used at line 5");
  }

  @Test
  void provisionedAboveReserved() {
    String yaml = withFunctionLines("reservedConcurrency: 5", "provisionedConcurrency: 6");
    assertProblem(yaml, "functions[0].provisionedConcurrency", 9, 29, "6 is above reservedConcurrency 5", "allowed 0..5");
  }

  @Test
  void warmupNotShorterThanDuration() {
    String yaml = MINIMAL + "warmup: 1h\n";
    assertProblem(yaml, "warmup", 8, 9, "'1h' is not shorter than duration '1h'", "0s <= warmup < duration");
  }

  @Test
  void metricsPeriodLongerThanDuration() {
    String yaml = MINIMAL + "metricsPeriod: 2h\n";
    assertProblem(yaml, "metricsPeriod", 8, 16, "'2h' is above the maximum the duration 1h", "allowed 1s..the duration 1h");
  }

  @Test
  void burstAfterTheEnd() {
    String yaml = MINIMAL.replace("poisson: {rate: 1/s}", "burst: {at: 2h, count: 10}");
    assertProblem(yaml, "functions[0].traffic[0].burst.at", 7, column(yaml, 7, "2h"), "at < duration");
  }

  @Test
  void trafficWindowBackwards() {
    String yaml = MINIMAL.replace("{rate: 1/s}", "{rate: 1/s, from: 10m, to: 5m}");
    assertProblem(yaml, "functions[0].traffic[0].poisson.to", 7, column(yaml, 7, "5m"),
        "'5m' is not after from '10m'", "from < to");
  }
}
