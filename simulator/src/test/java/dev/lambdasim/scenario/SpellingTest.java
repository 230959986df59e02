package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.problemAt;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unknown fields and kinds are errors, with a "did you mean" only when a known word is close. */
final class SpellingTest {

  @Test
  void misspeltFunctionFieldSuggestsTheKnownOne() {
    assertProblem(withFunctionLines("memorySize: 512"), "functions[0].memorySize", 8, 5,
        "unknown field 'memorySize'", "did you mean 'memoryMb'?", "allowed: name, description, memoryMb");
  }

  @Test
  void caseSlipSuggestsTheKnownField() {
    assertProblem(withFunctionLines("timeOut: 3s"), "functions[0].timeOut", 8, 5, "did you mean 'timeout'?");
  }

  @Test
  void unrelatedFieldGetsNoSuggestion() {
    Problem p = problemAt(MINIMAL + "zzzzzzzzz: 1\n", "zzzzzzzzz");
    assertThat(p.message()).doesNotContain("did you mean").contains("allowed: name, description, seed");
  }

  @Test
  void misspeltTopLevelField() {
    assertProblem(MINIMAL + "metricPeriod: 1m\n", "metricPeriod", 8, 1, "did you mean 'metricsPeriod'?");
  }

  @Test
  void misspeltTrafficKind() {
    String yaml = MINIMAL.replace("poisson:", "poison:");
    assertProblem(yaml, "functions[0].traffic[0].poison", 7, column(yaml, 7, "poison"),
        "unknown traffic kind 'poison'", "did you mean 'poisson'?", "allowed poisson, constant, burst");
  }

  @Test
  void misspeltScalingModel() {
    String yaml = MINIMAL + "account: {scaling: per-functoin}\n";
    assertProblem(yaml, "account.scaling", 8, column(yaml, 8, "per-functoin"),
        "did you mean 'per-function'?", "per-function | legacy-burst | unlimited");
  }

  @Test
  void distanceCountsEdits() {
    assertThat(List.of(Spelling.distance("kitten", "sitting"), Spelling.distance("", "ab"),
        Spelling.distance("same", "same"))).containsExactly(3, 2, 0);
  }
}
