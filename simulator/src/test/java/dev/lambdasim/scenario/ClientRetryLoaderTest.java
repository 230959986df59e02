package dev.lambdasim.scenario;

import dev.lambdasim.spec.ClientRetrySpec;

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

/** The {@code retry} block: how callers retry throttled sync calls. */
final class ClientRetryLoaderTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void noBlockMeansNoRetry() throws ScenarioException {
    assertThat(parse(withFunctionLines()).functions().get(0).invocation().retry())
        .isEqualTo(ClientRetrySpec.none());
  }

  @Test
  void anEmptyBlockTakesTheSdkShape() throws ScenarioException {
    assertThat(parse(withFunctionLines("retry: {}")).functions().get(0).invocation().retry())
        .isEqualTo(new ClientRetrySpec(3, 100 * MS, 20 * S));
  }

  @Test
  void fullBlockLoadsExactly() throws ScenarioException {
    assertThat(parse(withFunctionLines("retry: {maxAttempts: 5, baseDelay: 50ms, maxDelay: 2s}"))
        .functions().get(0).invocation().retry()).isEqualTo(new ClientRetrySpec(5, 50 * MS, 2 * S));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("too many attempts", withFunctionLines("retry: {maxAttempts: 50}"),
            "x.yaml:8:26: functions[0].retry.maxAttempts: 50 is above the maximum 20 (allowed "
                + "1..20)"),
        rejected("maxDelay below baseDelay",
            withFunctionLines("retry: {baseDelay: 1s, maxDelay: 100ms}"),
            "x.yaml:8:38: functions[0].retry.maxDelay: '100ms' is below baseDelay (allowed: "
                + "maxDelay >= baseDelay)"),
        rejected("retries are for sync calls only",
            withFunctionLines("invocation: async", "retry: {maxAttempts: 3}"),
            "x.yaml:9:5: functions[0].retry: client retries apply to sync calls only (allowed "
                + "with invocation: sync; async, sqs and stream have their own retries)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
