package dev.lambdasim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: one or more located problems. The command line prints one line per problem and exits 2. */
public final class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ScenarioException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
