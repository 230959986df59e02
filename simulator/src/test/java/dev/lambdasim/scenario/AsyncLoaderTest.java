package dev.lambdasim.scenario;

import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.Scenario;

import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code invocation: async} and the {@code async:} block load with their defaults and ranges. */
final class AsyncLoaderTest {

  private static final long S = 1_000_000_000L;
  private static final String ASYNC = "functions[0].async";

  @Test
  void defaultsApplyWithoutABlock() throws ScenarioException {
    FunctionSpec f = parse(withFunctionLines("invocation: async")).functions().get(0);

    assertThat(f.invocation().type()).isEqualTo(InvocationType.ASYNC);
    assertThat(f.invocation().async()).isEqualTo(new AsyncSpec(2, 6 * 3600 * S, null, null, null));
  }

  @Test
  void fullBlockLoadsExactly() throws ScenarioException {
    FunctionSpec f = parse(withFunctionLines("invocation: async", "async:", "  maxRetries: 0",
        "  maxEventAge: 90s", "  onSuccess: next", "  onFailure: failures",
        "  deadLetter: dlq")).functions().get(0);

    assertThat(f.invocation().async()).isEqualTo(new AsyncSpec(0, 90 * S, "next", "failures", "dlq"));
  }

  @Test
  void syncFunctionsMayHaveAsyncSettingsForWhenTheyAreADestination() throws ScenarioException {
    FunctionSpec f = parse(withFunctionLines("async: {maxRetries: 1}")).functions().get(0);

    assertThat(f.invocation().type()).isEqualTo(InvocationType.SYNC);
    assertThat(f.invocation().async().maxRetries()).isEqualTo(1);
  }

  @Test
  void maxRetriesAboveTwo() {
    String yaml = withFunctionLines("async: {maxRetries: 3}");
    assertProblem(yaml, ASYNC + ".maxRetries", 8, column(yaml, 8, "3"),
        "3 is above the maximum 2", "allowed 0..2");
  }

  @Test
  void maxEventAgeBelowOneMinute() {
    String yaml = withFunctionLines("async: {maxEventAge: 30s}");
    assertProblem(yaml, ASYNC + ".maxEventAge", 8, column(yaml, 8, "30s"),
        "below the minimum 60s", "60s..6h");
  }

  @Test
  void maxEventAgeAboveSixHours() {
    String yaml = withFunctionLines("async: {maxEventAge: 7h}");
    assertProblem(yaml, ASYNC + ".maxEventAge", 8, column(yaml, 8, "7h"),
        "above the maximum 6h", "60s..6h");
  }

  @Test
  void maxEventAgeWithoutUnit() {
    String yaml = withFunctionLines("async: {maxEventAge: 600}");
    assertProblem(yaml, ASYNC + ".maxEventAge", 8, column(yaml, 8, "600"), "has no unit");
  }

  @Test
  void destinationNameWithSpaces() {
    String yaml = withFunctionLines("async: {onFailure: \"my queue\"}");
    assertProblem(yaml, ASYNC + ".onFailure", 8, column(yaml, 8, "\"my queue\""),
        "'my queue' is not a valid destination name");
  }

  @Test
  void unknownFieldSuggestsTheRightOne() {
    String yaml = withFunctionLines("async: {maxRetry: 1}");
    assertProblem(yaml, ASYNC + ".maxRetry", 8, column(yaml, 8, "maxRetry"),
        "unknown field 'maxRetry'", "did you mean 'maxRetries'?");
  }

  @Test
  void aDestinationOnlyFunctionMayHaveNoTraffic() throws ScenarioException {
    Scenario scenario = parse("""
        name: t
        duration: 1h
        functions:
          - name: a
            duration: {dist: constant, value: 10ms}
            invocation: async
            async: {onSuccess: b}
            traffic: [{poisson: {rate: 1/s}}]
          - name: b
            duration: {dist: constant, value: 10ms}
            traffic: []
        """);
    assertThat(scenario.functions().get(1).traffic()).isEmpty();
  }

  @Test
  void emptyTrafficOfAFunctionNobodySendsTo() {
    String yaml = """
        name: t
        duration: 1h
        functions:
          - name: a
            duration: {dist: constant, value: 10ms}
            traffic: []
        """;
    assertProblem(yaml, "functions[0].traffic", 6, column(yaml, 6, "[]"),
        "the list is empty and no function sends its events here");
  }
}
