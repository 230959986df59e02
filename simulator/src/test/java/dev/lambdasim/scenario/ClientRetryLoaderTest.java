package dev.lambdasim.scenario;

import dev.lambdasim.spec.ClientRetrySpec;

import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

  @Test
  void tooManyAttempts() {
    String yaml = withFunctionLines("retry: {maxAttempts: 50}");
    assertProblem(yaml, "functions[0].retry.maxAttempts", 8, column(yaml, 8, "50"),
        "50 is above the maximum 20", "allowed 1..20");
  }

  @Test
  void maxDelayBelowBaseDelay() {
    String yaml = withFunctionLines("retry: {baseDelay: 1s, maxDelay: 100ms}");
    assertProblem(yaml, "functions[0].retry.maxDelay", 8, column(yaml, 8, "100ms"),
        "is below baseDelay", "maxDelay >= baseDelay");
  }

  @Test
  void retriesAreForSyncCallsOnly() {
    String yaml = withFunctionLines("invocation: async", "retry: {maxAttempts: 3}");
    assertProblem(yaml, "functions[0].retry", 9, column(yaml, 9, "retry"),
        "client retries apply to sync calls only");
  }
}
