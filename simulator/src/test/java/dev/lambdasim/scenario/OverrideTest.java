package dev.lambdasim.scenario;

import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.ScalingSpec;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set path=value} changes the tree before validation; a bad one is a {@code <set>} problem. */
final class OverrideTest {

  @Test
  void byIndex() throws ScenarioException {
    assertThat(parse(MINIMAL, "functions[0].memoryMb=2048").functions().get(0).code().memoryMb()).isEqualTo(2048);
  }

  @Test
  void byName() throws ScenarioException {
    assertThat(parse(MINIMAL, "functions[api].timeout=10s").functions().get(0).code().timeoutNanos())
        .isEqualTo(10_000_000_000L);
  }

  @Test
  void topLevelFieldAbsentFromTheFile() throws ScenarioException {
    assertThat(parse(MINIMAL, "seed=7").seed()).isEqualTo(7);
  }

  @Test
  void createsMissingParentMappings() throws ScenarioException {
    assertThat(parse(MINIMAL, "account.scaling=unlimited").account().scaling()).isEqualTo(ScalingSpec.unlimited());
  }

  @Test
  void valueIsAYamlFlowValue() throws ScenarioException {
    assertThat(parse(MINIMAL, "functions[0].duration={dist: exponential, mean: 5ms}").functions().get(0).code().duration())
        .isEqualTo(new DistributionSpec.Exponential(5e6));
  }

  @Test
  void laterOverrideWins() throws ScenarioException {
    assertThat(parse(MINIMAL, "seed=7", "seed=8").seed()).isEqualTo(8);
  }

  @Test
  void badValueIsValidatedAndBlamedOnSet() {
    Problem p = problems(MINIMAL, "functions[0].memoryMb=100").get(0);
    assertThat(List.of(p.file(), p.path())).containsExactly("<set>", "functions[0].memoryMb");
    assertThat(p.message()).contains("100 is below the minimum 128", "allowed 128..10240");
  }

  @Test
  void unknownFieldGetsDidYouMean() {
    Problem p = problems(MINIMAL, "functions[0].memoryMB=256").get(0);
    assertThat(p.file()).isEqualTo("<set>");
    assertThat(p.message()).contains("did you mean 'memoryMb'?");
  }

  @Test
  void unknownFunctionName() {
    Problem p = problems(MINIMAL, "functions[web].memoryMb=256").get(0);
    assertThat(List.of(p.file(), p.path())).containsExactly("<set>", "functions[web]");
    assertThat(p.message()).contains("no item web");
  }

  @Test
  void indexOutOfRange() {
    Problem p = problems(MINIMAL, "functions[3].memoryMb=256").get(0);
    assertThat(p.message()).contains("allowed 0..0");
  }

  @Test
  void withoutEqualsSign() {
    Problem p = problems(MINIMAL, "seed").get(0);
    assertThat(List.of(p.file(), p.message())).containsExactly("<set>",
        "'seed' is not an override; write path=value, e.g. functions[0].memoryMb=2048");
  }

  @Test
  void malformedPath() {
    assertThat(problems(MINIMAL, "functions[].memoryMb=1").get(0).message()).contains("is not a field path");
  }

  @Test
  void malformedValue() {
    Problem p = problems(MINIMAL, "functions[0].duration={dist: [").get(0);
    assertThat(List.of(p.file(), p.line())).containsExactly("<set>", 0);
    assertThat(p.message()).startsWith("syntax error");
  }

  @Test
  void canRepairAFileBeforeValidation() throws ScenarioException {
    String broken = MINIMAL + "seed: abc\n";
    assertThat(parse(broken, "seed=3").seed()).isEqualTo(3);
  }
}
