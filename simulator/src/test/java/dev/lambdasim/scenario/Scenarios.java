package dev.lambdasim.scenario;

import dev.lambdasim.spec.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

/** Helpers shared by the scenario tests: parse a text and pick out one problem. */
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

  /** Returns the one problem at {@code path}, failing if there is none or several. */
  static Problem problemAt(String yaml, String path, String... overrides) {
    List<Problem> found = problems(yaml, overrides).stream().filter(p -> p.path().equals(path)).toList();
    assertThat(found).as("problems at %s among %s", path, problems(yaml, overrides)).hasSize(1);
    return found.get(0);
  }

  /** Returns MINIMAL with {@code extra} appended as fields of the function (from line 8 on). */
  static String withFunctionLines(String... extra) {
    StringBuilder sb = new StringBuilder(MINIMAL);
    for (String line : extra) {
      sb.append("    ").append(line).append('\n');
    }
    return sb.toString();
  }

  /** Returns the 1-based column of {@code token} in line {@code line} (1-based) of {@code text}. */
  static int column(String text, int line, String token) {
    String l = text.split("\n", -1)[line - 1];
    int i = l.indexOf(token);
    assertThat(i).as("'%s' in line %d: %s", token, line, l).isNotNegative();
    return i + 1;
  }

  /** Asserts the one problem at {@code path} is at line:column and its message has every fragment. */
  static void assertProblem(String yaml, String path, int line, int column, String... fragments) {
    Problem p = problemAt(yaml, path);
    assertThat(p.file()).isEqualTo("x.yaml");
    assertThat(p.line()).as("line of %s", p).isEqualTo(line);
    assertThat(p.column()).as("column of %s", p).isEqualTo(column);
    assertThat(p.message()).contains(fragments);
  }
}
