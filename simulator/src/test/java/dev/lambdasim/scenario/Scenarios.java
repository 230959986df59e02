package dev.lambdasim.scenario;

import dev.lambdasim.spec.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/** Helpers shared by the scenario tests: parse a text, list its located problems, build table rows. */
final class Scenarios {

  /** A valid minimal scenario, seven lines long; tests append to it or vary it. */
  static final String MINIMAL = """
      name: t
      duration: 1h
      functions:
        - name: api
          duration: {dist: constant, value: 10ms}
          traffic:
            - poisson: {rate: 1/s}
      """;

  private Scenarios() {}

  static Scenario parse(String yaml, String... overrides) throws ScenarioException {
    return new ScenarioLoader().parse("x.yaml", yaml, Path.of("."), List.of(overrides));
  }

  /** Returns the problems of a text that must fail to load. */
  static List<Problem> problems(String yaml, String... overrides) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> parse(yaml, overrides));
    assertThat(e).as("expected the scenario to be rejected").isNotNull();
    return e.problems();
  }

  /** Returns every problem of a text that must fail to load, each in its one-line located form. */
  static List<String> located(String yaml, String... overrides) {
    return problems(yaml, overrides).stream().map(Problem::toString).toList();
  }

  /**
   * Returns a row of a malformed-input table: a named input and the exact problems, in their
   * one-line form {@code file:line:column: path: message}, that it must be rejected with.
   */
  static Arguments rejected(String name, String input, String... expected) {
    return Arguments.of(Named.of(name, input), List.of(expected));
  }

  /** Returns MINIMAL with {@code extra} appended as fields of the function (from line 8 on). */
  static String withFunctionLines(String... extra) {
    StringBuilder sb = new StringBuilder(MINIMAL);
    for (String line : extra) {
      sb.append("    ").append(line).append('\n');
    }
    return sb.toString();
  }
}
