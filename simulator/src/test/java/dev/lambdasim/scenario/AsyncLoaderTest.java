package dev.lambdasim.scenario;

import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.Scenario;

import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code invocation: async} and the {@code async:} block load with their defaults and ranges. */
final class AsyncLoaderTest {

  private static final long S = 1_000_000_000L;

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

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("maxRetries above two", withFunctionLines("async: {maxRetries: 3}"),
            "x.yaml:8:25: functions[0].async.maxRetries: 3 is above the maximum 2 (allowed 0..2)"),
        rejected("maxEventAge below one minute", withFunctionLines("async: {maxEventAge: 30s}"),
            "x.yaml:8:26: functions[0].async.maxEventAge: '30s' is below the minimum 60s "
                + "(allowed 60s..6h)"),
        rejected("maxEventAge above six hours", withFunctionLines("async: {maxEventAge: 7h}"),
            "x.yaml:8:26: functions[0].async.maxEventAge: '7h' is above the maximum 6h (allowed "
                + "60s..6h)"),
        rejected("maxEventAge without a unit", withFunctionLines("async: {maxEventAge: 600}"),
            "x.yaml:8:26: functions[0].async.maxEventAge: 600 has no unit; a duration needs one "
                + "of ns, us, ms, s, m, h, d (e.g. '600s')"),
        rejected("a destination name with spaces",
            withFunctionLines("async: {onFailure: \"my queue\"}"),
            "x.yaml:8:24: functions[0].async.onFailure: 'my queue' is not a valid destination "
                + "name (allowed: a function's name, or a sink name of 1 to 64 of A-Z a-z 0-9 _ "
                + ". -)"),
        rejected("a destination that is not a string is reported once",
            withFunctionLines("async: {onSuccess: {to: b}}"),
            "x.yaml:8:24: functions[0].async.onSuccess: a mapping is not a string"),
        rejected("an unknown field suggests the right one",
            withFunctionLines("async: {maxRetry: 1}"),
            "x.yaml:8:13: functions[0].async.maxRetry: unknown field 'maxRetry' (did you mean "
                + "'maxRetries'?); allowed: maxRetries, maxEventAge, onSuccess, onFailure, "
                + "deadLetter"),
        rejected("empty traffic of a function nobody sends to", """
            name: t
            duration: 1h
            functions:
              - name: a
                duration: {dist: constant, value: 10ms}
                traffic: []
            """,
            "x.yaml:6:14: functions[0].traffic: the list is empty and no function sends its "
                + "events here (allowed: at least 1 traffic source, or name this function in "
                + "another's async onSuccess/onFailure)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
